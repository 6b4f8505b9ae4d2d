package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * Commands, buttons, texts and contacts reach their owners through the router alone: no module
 * listens for them as events (and filters), as they all did before it. Reads the class files'
 * metadata and loads only the classes with event listeners.
 */
class OneRoadTest {

	static final Set<Class<?>> ROUTED = Set.of(CommandReceived.class, ButtonPressed.class, TextReceived.class,
			ContactShared.class);

	@Test
	void noModuleListensForRoutedUpdates() throws Exception {
		var resolver = new PathMatchingResourcePatternResolver();
		var readers = new CachingMetadataReaderFactory(resolver);
		List<String> listeners = new ArrayList<>();
		int classes = 0;
		int eventListeners = 0;
		for (Resource resource : resolver.getResources("classpath*:com/b2brics/connect/**/*.class")) {
			if (!resource.getURL().getPath().contains("/classes/com/b2brics/") || resource.getURL().getPath().contains("/test-classes/")) {
				continue;
			}
			classes++;
			MetadataReader reader = readers.getMetadataReader(resource);
			if (!reader.getAnnotationMetadata().hasAnnotatedMethods(EventListener.class.getName())) {
				continue;
			}
			for (Method method : Class.forName(reader.getClassMetadata().getClassName()).getDeclaredMethods()) {
				eventListeners += method.isAnnotationPresent(EventListener.class) ? 1 : 0;
				if (method.isAnnotationPresent(EventListener.class) && method.getParameterCount() == 1
						&& ROUTED.stream().anyMatch(type -> type.isAssignableFrom(method.getParameterTypes()[0]))) {
					listeners.add(method.toString());
				}
			}
		}
		assertThat(classes).as("the application's classes were read").isGreaterThan(100);
		assertThat(eventListeners).as("their event listeners were seen").isGreaterThan(20);
		assertThat(listeners).as("the router calls the module that declared a command, button, start payload, text or contact")
			.isEmpty();
	}
}
