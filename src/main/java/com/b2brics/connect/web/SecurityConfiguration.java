package com.b2brics.connect.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open what: the public site and Telegram's webhook (which checks its own secret) are
 * open; the admin pages and the metrics need the admin login
 * ({@code B2BRICS_ADMIN_USER}/{@code B2BRICS_ADMIN_PASSWORD}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain appSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// error pages render for everyone, else a failure would show up as a login prompt
			.requestMatchers("/error", "/error/**").permitAll()
			.requestMatchers("/admin/**", "/actuator/metrics/**", "/actuator/prometheus").hasRole("ADMIN")
			.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/telegram/webhook"))
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}
}
