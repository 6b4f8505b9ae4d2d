package com.b2brics.connect.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The one {@link MessageSource}: Spring Boot's, configured by {@code spring.messages} exactly as
 * Boot would (its auto-configuration steps back for a bean of this name), but formatting with
 * ICU4J ({@link IcuMessageSource}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageSourceProperties.class)
public class MessagesConfiguration {

	@Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	IcuMessageSource messageSource(MessageSourceProperties properties) {
		IcuMessageSource messages = new IcuMessageSource();
		if (properties.getBasename() != null && !properties.getBasename().isEmpty()) {
			messages.setBasenames(properties.getBasename().stream().map(StringUtils::trimAllWhitespace).toArray(String[]::new));
		}
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
			Properties common = new Properties();
			for (Resource resource : properties.getCommonMessages()) {
				try (InputStream in = resource.getInputStream()) {
					common.load(in);
				}
				catch (IOException unreadable) {
					throw new UncheckedIOException("Cannot read spring.messages.common-messages " + resource, unreadable);
				}
			}
			messages.setCommonMessages(common);
		}
		return messages;
	}
}
