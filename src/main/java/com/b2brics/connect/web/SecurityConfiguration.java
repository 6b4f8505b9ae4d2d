package com.b2brics.connect.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may open what: the public site and Telegram's webhook (which checks its own secret) are
 * open; the admin pages and the metrics need the admin login
 * ({@code B2BRICS_ADMIN_USER}/{@code B2BRICS_ADMIN_PASSWORD}); health shows its details to admins
 * only. The operator-surface hardening (issue 11 §4) sits in its own methods below: security
 * headers, login throttling, secure cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminLoginProperties.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain appSecurity(HttpSecurity http, LoginThrottle loginThrottle, MessageSource messages) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// error pages render for everyone, else a failure would show up as a login prompt
			.requestMatchers("/error", "/error/**").permitAll()
			.requestMatchers("/admin/**", "/actuator/metrics/**", "/actuator/prometheus").hasRole("ADMIN")
			.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/telegram/webhook"))
			.httpBasic(Customizer.withDefaults());
		loginThrottling(http, loginThrottle, messages);
		return http.build();
	}

	// --- issue 11 §4: security headers ---

	/**
	 * CSP, no MIME sniffing, no framing, a short Referer: on every response, outermost, so the
	 * sandbox's own filter chain and the error pages get them too.
	 */
	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	// --- issue 11 §4: admin login throttling ---

	private static void loginThrottling(HttpSecurity http, LoginThrottle throttle, MessageSource messages) {
		http.addFilterBefore(new LoginThrottleFilter(throttle, messages), BasicAuthenticationFilter.class);
	}

	/** Counts failed admin logins per address and per user (fed by Spring Security's authentication events). */
	@Bean
	LoginThrottle loginThrottle(Clock clock, AdminLoginProperties settings) {
		return new LoginThrottle(clock, settings);
	}

	// --- issue 11 §4: secure cookies over HTTPS ---

	/**
	 * Marks every cookie {@code Secure} on a request that came over HTTPS, behind a proxy too
	 * ({@code server.forward-headers-strategy=native}: Tomcat trusts X-Forwarded-Proto from
	 * proxies on private networks). Outermost, so every cookie set after it is covered.
	 */
	@Bean
	FilterRegistrationBean<SecureCookiesFilter> secureCookies() {
		FilterRegistrationBean<SecureCookiesFilter> registration = new FilterRegistrationBean<>(new SecureCookiesFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
