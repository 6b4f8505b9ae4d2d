package com.b2brics.connect.core;

import java.io.IOException;

/**
 * A request body larger than its path's {@link BodyLimit}: raised before the first byte is read
 * when the declared {@code Content-Length} is too large, else as soon as the counted bytes pass
 * the limit (a chunked body). {@link RequestBodyLimits} answers 413 for it.
 */
public final class BodyTooLarge extends IOException {

	private final long limit;

	BodyTooLarge(long limit) {
		super("request body larger than " + limit + " bytes");
		this.limit = limit;
	}

	public long limit() {
		return limit;
	}
}
