package com.b2brics.connect.sandbox.emulator;

import java.util.Random;
import java.util.Set;

/**
 * Fault injection, reproducible by seed: for every Bot API call that is not exempt, one seeded
 * draw decides between a 429, a 500/502, a time-out before the effect, a time-out after the
 * effect, or no fault. Same seed and same call sequence give the same faults.
 */
final class Faults {

	/** Set-up and polling calls are never faulted, so a bot can always connect and listen. */
	static final Set<String> EXEMPT = Set.of("getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo");

	enum Kind {
		NONE, TOO_MANY_REQUESTS, INTERNAL_SERVER_ERROR, BAD_GATEWAY, TIMEOUT_BEFORE_EFFECT, TIMEOUT_AFTER_EFFECT;

		String statsKey() {
			return switch (this) {
				case TOO_MANY_REQUESTS -> "429";
				case INTERNAL_SERVER_ERROR -> "500";
				case BAD_GATEWAY -> "502";
				case TIMEOUT_BEFORE_EFFECT -> "timeout_before_effect";
				case TIMEOUT_AFTER_EFFECT -> "timeout_after_effect";
				case NONE -> "none";
			};
		}
	}

	/** The fault plan as set through the control API; {@code durationMs} 0: until the next plan. */
	record Settings(double rate429, double rate5xx, double rateTimeout, long seed, long timeoutMs, long retryAfter,
			long durationMs) {

		boolean active() {
			return rate429 > 0 || rate5xx > 0 || rateTimeout > 0;
		}
	}

	private final long defaultTimeoutMs;

	private Settings settings;

	private Random random;

	/** System.nanoTime() at which the plan ends by itself (a storm of a given length), or null. */
	private Long endsAt;

	Faults(long defaultTimeoutMs) {
		this.defaultTimeoutMs = defaultTimeoutMs;
		reset();
	}

	synchronized void configure(Settings settings) {
		this.settings = settings;
		this.random = new Random(settings.seed());
		this.endsAt = settings.durationMs() > 0 ? System.nanoTime() + settings.durationMs() * 1_000_000 : null;
	}

	/** Milliseconds until the plan ends by itself (0 when it has ended), or null for a plan without end. */
	synchronized Long endsInMs() {
		return endsAt == null ? null : Math.max(0, (endsAt - System.nanoTime()) / 1_000_000);
	}

	synchronized Settings settings() {
		return settings;
	}

	synchronized void reset() {
		configure(new Settings(0, 0, 0, 0, defaultTimeoutMs, 1, 0));
	}

	long defaultTimeoutMs() {
		return defaultTimeoutMs;
	}

	synchronized Kind decide(String method) {
		if (!settings.active() || EXEMPT.contains(method) || (endsAt != null && System.nanoTime() - endsAt >= 0)) {
			return Kind.NONE;
		}
		double draw = random.nextDouble();
		if (draw < settings.rate429()) {
			return Kind.TOO_MANY_REQUESTS;
		}
		if (draw < settings.rate429() + settings.rate5xx()) {
			return random.nextBoolean() ? Kind.INTERNAL_SERVER_ERROR : Kind.BAD_GATEWAY;
		}
		if (draw < settings.rate429() + settings.rate5xx() + settings.rateTimeout()) {
			return random.nextBoolean() ? Kind.TIMEOUT_BEFORE_EFFECT : Kind.TIMEOUT_AFTER_EFFECT;
		}
		return Kind.NONE;
	}
}
