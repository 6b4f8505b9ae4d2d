package com.b2brics.connect.leads;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate limit: at most {@code limit} events per key in any window of {@code window}, counted
 * exactly (each key keeps the times of its last {@code limit} events, a ring of longs), by the
 * injected clock so that tests move time. Memory is bounded: at most {@code maxKeys} keys, the
 * least recently seen forgotten first. An event stamped after "now" (the clock was moved back)
 * no longer counts. Per instance; with several instances a key gets up to that many times the
 * limit, which is what a bound on abuse needs, not an exact quota.
 */
final class SlidingWindow {

	/** What a call to {@link #acquire} decided. */
	enum Decision {
		/** Within the limit: the event is counted. */
		ALLOWED,
		/** Over the limit, and the first refusal of this key in the window: tell the person. */
		REFUSED,
		/** Over the limit again: they were told already, stay quiet. */
		REFUSED_AGAIN;

		boolean allowed() {
			return this == ALLOWED;
		}
	}

	private static final class Times {
		final long[] at;
		int next;
		int size;
		long toldAt = Long.MIN_VALUE;

		Times(int limit) {
			this.at = new long[limit];
		}
	}

	private final int limit;
	private final long windowMillis;
	private final Clock clock;
	private final Map<String, Times> keys;

	SlidingWindow(int limit, Duration window, int maxKeys, Clock clock) {
		this.limit = limit;
		this.windowMillis = window.toMillis();
		this.clock = clock;
		this.keys = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Times> eldest) {
				return size() > Math.max(1, maxKeys);
			}
		};
	}

	/** Counts an event of the key if it is within the limit; a limit of 0 or less allows everything. */
	synchronized Decision acquire(String key) {
		if (limit <= 0) {
			return Decision.ALLOWED;
		}
		long now = clock.millis();
		Times times = keys.computeIfAbsent(key, k -> new Times(limit));
		int inWindow = 0;
		for (int i = 0; i < times.size; i++) {
			long at = times.at[i];
			if (at > now - windowMillis && at <= now) {
				inWindow++;
			}
		}
		if (inWindow < limit) {
			// the ring holds the last `limit` events: overwriting the oldest loses nothing the window needs
			times.at[times.next] = now;
			times.next = (times.next + 1) % limit;
			times.size = Math.min(limit, times.size + 1);
			return Decision.ALLOWED;
		}
		if (times.toldAt > now - windowMillis && times.toldAt <= now) {
			return Decision.REFUSED_AGAIN;
		}
		times.toldAt = now;
		return Decision.REFUSED;
	}

	/** How long until the key may act again (for Retry-After); zero if it may now. */
	synchronized Duration retryAfter(String key) {
		Times times = keys.get(key);
		if (limit <= 0 || times == null) {
			return Duration.ZERO;
		}
		long now = clock.millis();
		long oldest = Long.MAX_VALUE;
		int inWindow = 0;
		for (int i = 0; i < times.size; i++) {
			long at = times.at[i];
			if (at > now - windowMillis && at <= now) {
				inWindow++;
				oldest = Math.min(oldest, at);
			}
		}
		return inWindow < limit ? Duration.ZERO : Duration.ofMillis(oldest + windowMillis - now);
	}

	synchronized int trackedKeys() {
		return keys.size();
	}
}
