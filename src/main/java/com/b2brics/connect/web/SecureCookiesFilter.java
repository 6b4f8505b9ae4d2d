package com.b2brics.connect.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a request served over HTTPS, every cookie the app sets is {@code Secure}, whichever way it
 * is set: {@code addCookie}, or a {@code Set-Cookie} header (the site's {@code lang},
 * {@code b2b_visitor}, {@code b2b_ref}; the session cookie Tomcat marks itself). One place, so a
 * cookie added later cannot forget it.
 */
class SecureCookiesFilter extends OncePerRequestFilter {

	private static final Pattern SECURE = Pattern.compile("(?i)(^|;)\\s*secure\\s*(;|$)");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
	}

	static String secured(String name, String value) {
		if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) || SECURE.matcher(value).find()) {
			return value;
		}
		return value + "; Secure";
	}

	private static final class SecureCookies extends HttpServletResponseWrapper {

		SecureCookies(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
			cookie.setSecure(true);
			super.addCookie(cookie);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, secured(name, value));
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, secured(name, value));
		}
	}
}
