package com.b2brics.connect.telegram.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.ExpectedContact;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnContact;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OnStart;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;

/**
 * The routing table: finds the {@code @OnCommand}, {@code @OnButton}, {@code @OnStart},
 * {@code @OnText}, {@code @OnContact} and {@code @OnGroupText} methods of every bean as it is
 * created (as Spring finds {@code @EventListener}s) and refuses a second owner of one command,
 * button action or start payload at start-up. Has no dependencies, so that it is created before
 * the beans it looks at.
 */
@Component
class Routes implements BeanPostProcessor {

	/** A declared handler method on its bean. */
	record Handler(Object bean, Method method, String name) {

		void call(Object event) {
			try {
				method.invoke(bean, event);
			}
			catch (InvocationTargetException e) {
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(e.getCause());
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException("cannot call " + name, e);
			}
		}
	}

	record CommandRoute(OnCommand declaration, Handler handler) {
	}

	record StartRoute(OnStart declaration, Handler handler) {

		boolean matches(String payload) {
			return declaration.exact().isEmpty() ? payload.startsWith(declaration.prefix()) : payload.equals(declaration.exact());
		}

		/** Exact payloads first, then longer prefixes. */
		int specificity() {
			return declaration.exact().isEmpty() ? declaration.prefix().length() : Integer.MAX_VALUE;
		}
	}

	record TextRoute(Where where, ExpectedText expectation, Handler handler) {
	}

	record ContactRoute(ExpectedContact expectation, Handler handler) {
	}

	private final Map<String, CommandRoute> commands = new HashMap<>();
	private final Map<String, Handler> buttons = new HashMap<>();
	private final List<StartRoute> starts = new ArrayList<>();
	private final List<TextRoute> texts = new ArrayList<>();
	private final List<ContactRoute> contacts = new ArrayList<>();
	private final List<Handler> groupTexts = new ArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (type.getName().startsWith("org.springframework.")) {
			return bean;
		}
		Map<Method, Boolean> found = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<Boolean>) method -> AnnotatedElementUtils.hasAnnotation(method, OnCommand.class)
						|| AnnotatedElementUtils.hasAnnotation(method, OnButton.class)
						|| AnnotatedElementUtils.hasAnnotation(method, OnStart.class)
						|| AnnotatedElementUtils.hasAnnotation(method, OnText.class)
						|| AnnotatedElementUtils.hasAnnotation(method, OnContact.class)
						|| AnnotatedElementUtils.hasAnnotation(method, OnGroupText.class) ? Boolean.TRUE : null);
		for (Method method : found.keySet()) {
			register(bean, type, method);
		}
		return bean;
	}

	private synchronized void register(Object bean, Class<?> type, Method declared) {
		Method method = AopUtils.selectInvocableMethod(declared, bean.getClass());
		ReflectionUtils.makeAccessible(method);
		Handler handler = new Handler(bean, method, type.getSimpleName() + "." + declared.getName());
		OnCommand command = declared.getAnnotation(OnCommand.class);
		if (command != null) {
			expect(declared, CommandReceived.class);
			CommandRoute earlier = commands.putIfAbsent(command.value(), new CommandRoute(command, handler));
			if (earlier != null) {
				throw new IllegalStateException("/" + command.value() + " has two owners: " + earlier.handler().name() + " and "
						+ handler.name());
			}
		}
		OnButton button = declared.getAnnotation(OnButton.class);
		if (button != null) {
			expect(declared, ButtonPressed.class);
			for (String action : button.value()) {
				Handler earlier = buttons.putIfAbsent(action, handler);
				if (earlier != null) {
					throw new IllegalStateException("Button action " + action + " has two owners: " + earlier.name() + " and "
							+ handler.name());
				}
			}
		}
		OnStart start = declared.getAnnotation(OnStart.class);
		if (start != null) {
			expect(declared, CommandReceived.class);
			StartRoute route = new StartRoute(start, handler);
			if (!start.observe()) {
				starts.stream()
					.filter(other -> !other.declaration().observe() && other.declaration().prefix().equals(start.prefix())
							&& other.declaration().exact().equals(start.exact()))
					.findAny()
					.ifPresent(other -> {
						throw new IllegalStateException("Start payload " + start.prefix() + start.exact() + " has two owners: "
								+ other.handler().name() + " and " + handler.name());
					});
			}
			starts.add(route);
			starts.sort(Comparator.comparingInt(StartRoute::specificity).reversed());
		}
		OnText text = declared.getAnnotation(OnText.class);
		if (text != null) {
			expect(declared, TextReceived.class);
			if (!(bean instanceof ExpectedText expectation)) {
				throw new IllegalStateException(handler.name() + " takes expected texts: its bean must be an ExpectedText");
			}
			texts.add(new TextRoute(text.value(), expectation, handler));
		}
		if (declared.isAnnotationPresent(OnContact.class)) {
			expect(declared, ContactShared.class);
			if (!(bean instanceof ExpectedContact expectation)) {
				throw new IllegalStateException(handler.name() + " takes expected contacts: its bean must be an ExpectedContact");
			}
			contacts.add(new ContactRoute(expectation, handler));
		}
		if (declared.isAnnotationPresent(OnGroupText.class)) {
			expect(declared, TextReceived.class);
			groupTexts.add(handler);
		}
	}

	private static void expect(Method method, Class<?> event) {
		if (method.getParameterCount() != 1 || !method.getParameterTypes()[0].equals(event)) {
			throw new IllegalStateException(method + " must take one " + event.getSimpleName());
		}
	}

	synchronized Optional<CommandRoute> command(String name) {
		return Optional.ofNullable(commands.get(name));
	}

	synchronized List<CommandRoute> commands() {
		return List.copyOf(commands.values());
	}

	synchronized Optional<Handler> button(String action) {
		return Optional.ofNullable(buttons.get(action));
	}

	/** The observers of this payload, then its owner (if any), most specific first. */
	synchronized List<StartRoute> starts(String payload) {
		List<StartRoute> matching = new ArrayList<>(starts.stream().filter(route -> route.declaration().observe() && route.matches(payload)).toList());
		starts.stream().filter(route -> !route.declaration().observe() && route.matches(payload)).findFirst().ifPresent(matching::add);
		return matching;
	}

	synchronized List<TextRoute> texts(Where where) {
		return texts.stream().filter(route -> route.where() == where).toList();
	}

	synchronized List<ContactRoute> contacts() {
		return List.copyOf(contacts);
	}

	synchronized List<Handler> groupTexts() {
		return List.copyOf(groupTexts);
	}
}
