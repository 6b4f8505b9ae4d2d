package com.b2brics.connect.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the admin login (HTTP Basic): a request carrying credentials from a locked
 * address or for a locked user is answered 429 with {@code Retry-After} and a "try again in N s"
 * text, before the password is checked. Failures and successes reach {@link LoginThrottle}
 * through Spring Security's authentication events.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final String BASIC = "basic ";

	private final LoginThrottle throttle;

	private final MessageSource messages;

	LoginThrottleFilter(LoginThrottle throttle, MessageSource messages) {
		this.throttle = throttle;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (user != null) {
			String address = request.getRemoteAddr();
			Optional<Duration> locked = throttle.lockedFor(address, user);
			if (locked.isPresent()) {
				long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
				throttle.refused(address, user, locked.get());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				response.setContentType("text/plain;charset=UTF-8");
				response.getWriter().write(messages.getMessage("web.login.throttled", new Object[] { seconds },
						request.getLocale()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The user name of Basic credentials, or null when there are none (or they cannot be read: Basic refuses those itself). */
	static String basicUser(String header) {
		if (header == null || header.length() <= BASIC.length() || header.length() > 4096
				|| !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}
}
