package com.b2brics.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bench-only beans, registered only by {@link BenchMain}: the bare baseline endpoint and the
 * outbox loader. {@code /bench/**} gets its own filter chain (open, no CSRF) so the baseline goes
 * through the same servlet filters as the webhook (which is open and CSRF-exempt too).
 */
@Configuration(proxyBeanMethods = false)
@Import({ BareEndpoint.class, OutboxLoader.class })
class BenchConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain benchSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/bench/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}
}
