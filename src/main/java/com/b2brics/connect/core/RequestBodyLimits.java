package com.b2brics.connect.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * No request body is read past its limit, on any path: the one place that bounds what a client
 * may make us hold in memory. The request's body is handed on lazily and counted: whoever reads
 * it first (a controller after checking its secret, a JSON converter, a form parser) gets
 * {@link BodyTooLarge} before a byte is read when the declared {@code Content-Length} is over the
 * limit, and as soon as the bytes of a chunked body pass it. Any answer the application then
 * gives becomes {@code 413 Payload Too Large} with {@code Connection: close}, so the rest of the
 * body is never read either. A body nobody reads costs nothing but what Tomcat swallows
 * ({@code server.tomcat.max-swallow-size}) before it closes the connection.
 */
public class RequestBodyLimits extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyLimits.class);

	private record Rule(PathPattern pattern, long maxBytes) {
	}

	private final List<Rule> rules;
	private final long defaultLimit;

	public RequestBodyLimits(Collection<BodyLimit> limits, long defaultLimit) {
		PathPatternParser parser = new PathPatternParser();
		List<Rule> parsed = new ArrayList<>();
		for (BodyLimit limit : limits) {
			parsed.add(new Rule(parser.parse(limit.pathPattern()), limit.maxBody().toBytes()));
		}
		parsed.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
		this.rules = List.copyOf(parsed);
		this.defaultLimit = defaultLimit;
	}

	/** The limit of a request path (without the context path). */
	public long limitFor(String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (Rule rule : rules) {
			if (rule.pattern().matches(container)) {
				return rule.maxBytes();
			}
		}
		return defaultLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		LimitedRequest limited = new LimitedRequest(request, limitFor(path));
		TooLargeAware answer = new TooLargeAware(response, limited);
		try {
			chain.doFilter(limited, answer);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!limited.exceeded || response.isCommitted()) {
				throw e;
			}
			answer.refuse();
		}
		if (limited.exceeded) {
			log.warn("Refused a request body over {} bytes on {} {} from {}", limited.limit, request.getMethod(), path,
					request.getRemoteAddr());
		}
	}

	/** The request with its body counted against the limit. */
	static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;
		private volatile boolean exceeded;
		private ServletInputStream stream;
		private BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		private void checkDeclared() throws BodyTooLarge {
			if (exceeded || getContentLengthLong() > limit) {
				exceeded = true;
				throw new BodyTooLarge(limit);
			}
		}

		/** Form and multipart bodies are read by the container itself: their declared length is checked first. */
		private void checkDeclaredForm() {
			String type = getContentType();
			if (type == null) {
				return;
			}
			String lower = type.toLowerCase();
			if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
				try {
					checkDeclared();
				}
				catch (BodyTooLarge e) {
					throw new UncheckedIOException(e);
				}
			}
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				checkDeclared();
				stream = new Counting(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}

		@Override
		public String getParameter(String name) {
			checkDeclaredForm();
			return super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			checkDeclaredForm();
			return super.getParameterMap();
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			checkDeclaredForm();
			return super.getParameterNames();
		}

		@Override
		public String[] getParameterValues(String name) {
			checkDeclaredForm();
			return super.getParameterValues(name);
		}

		@Override
		public Collection<Part> getParts() throws IOException, ServletException {
			checkDeclared();
			return super.getParts();
		}

		@Override
		public Part getPart(String name) throws IOException, ServletException {
			checkDeclared();
			return super.getPart(name);
		}

		/** Counts what is read, and never asks the connection for more than one byte past the limit. */
		private final class Counting extends ServletInputStream {

			private final ServletInputStream in;
			private long count;

			Counting(ServletInputStream in) {
				this.in = in;
			}

			private void count(long n) throws BodyTooLarge {
				count += n;
				if (count > limit) {
					exceeded = true;
					throw new BodyTooLarge(limit);
				}
			}

			@Override
			public int read() throws IOException {
				if (exceeded) {
					throw new BodyTooLarge(limit);
				}
				int b = in.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (exceeded) {
					throw new BodyTooLarge(limit);
				}
				if (length == 0) {
					return 0;
				}
				int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
				if (n > 0) {
					count(n);
				}
				return n;
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		}
	}

	/** Turns whatever error the application answers to an over-long body into 413. */
	static final class TooLargeAware extends HttpServletResponseWrapper {

		private final LimitedRequest request;

		TooLargeAware(HttpServletResponse response, LimitedRequest request) {
			super(response);
			this.request = request;
		}

		/**
		 * Answers 413 directly, not through the error page: rendering that would look at the
		 * request's parameters again and make the container parse the body it must not read.
		 */
		void refuse() throws IOException {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setHeader("Connection", "close");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("request body larger than " + request.limit + " bytes");
			response.flushBuffer();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (request.exceeded && status >= 400) {
				refuse();
				return;
			}
			super.sendError(status, message);
		}

		@Override
		public void sendError(int status) throws IOException {
			if (request.exceeded && status >= 400) {
				refuse();
				return;
			}
			super.sendError(status);
		}

		@Override
		public void setStatus(int status) {
			if (request.exceeded && status >= 400) {
				super.setHeader("Connection", "close");
				super.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
			super.setStatus(status);
		}
	}
}
