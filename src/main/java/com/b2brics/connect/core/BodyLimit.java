package com.b2brics.connect.core;

import org.springframework.util.unit.DataSize;

/**
 * The largest request body one path may send, declared as a bean by the module that owns the
 * path (the webhook, the sandbox's Bot API, its control API); {@link RequestBodyLimits} enforces
 * all of them, and {@code b2brics.http.max-body} everywhere else.
 *
 * @param pathPattern a Spring {@link org.springframework.web.util.pattern.PathPattern}, e.g.
 *        {@code /telegram/webhook} or {@code /bot*}{@code /**}; the most specific match wins
 * @param maxBody the limit
 */
public record BodyLimit(String pathPattern, DataSize maxBody) {

	public BodyLimit {
		if (maxBody.toBytes() < 0) {
			throw new IllegalArgumentException("a body limit cannot be negative: " + pathPattern);
		}
	}
}
