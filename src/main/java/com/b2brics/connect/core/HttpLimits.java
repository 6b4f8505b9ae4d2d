package com.b2brics.connect.core;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.DispatcherType;

/**
 * Registers {@link RequestBodyLimits} in front of everything else (security included), with every
 * module's {@link BodyLimit} beans and {@code b2brics.http.max-body} for the other paths. Public
 * so that the standalone sandbox, which scans only its own package, imports the same mechanism.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimits.Properties.class)
public class HttpLimits {

	/** @param maxBody the largest request body of a path no module declared a {@link BodyLimit} for */
	@ConfigurationProperties("b2brics.http")
	public record Properties(@DefaultValue("1MB") DataSize maxBody) {
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(List<BodyLimit> limits, Properties properties) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimits(limits, properties.maxBody().toBytes()));
		registration.setName("requestBodyLimits");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/*");
		return registration;
	}
}
