package com.b2brics.connect.sandbox.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened in the sandbox, for tests and demos: Bot API calls per method, rule violations
 * by kind (each answered as Telegram would), 429s from rules and from injection kept apart,
 * injected faults by kind, time-outs after the effect, webhook deliveries and failures.
 */
final class SandboxStats {

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> violations = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> updates = new ConcurrentHashMap<>();

	private final AtomicLong ruleTooManyRequests = new AtomicLong();

	private final AtomicLong webhookDeliveries = new AtomicLong();

	private final AtomicLong webhookFailures = new AtomicLong();

	private final AtomicLong messagesSent = new AtomicLong();

	private final AtomicLong groupBursts = new AtomicLong();

	void call(String method) {
		count(calls, method);
	}

	void violation(String kind, int code) {
		count(violations, kind);
		if (code == 429) {
			ruleTooManyRequests.incrementAndGet();
		}
	}

	void fault(String kind) {
		count(faults, kind);
	}

	void update(String type) {
		count(updates, type);
	}

	/** A message to a group less than a second after the previous one: let through, as Telegram lets short bursts. */
	void groupBurst() {
		groupBursts.incrementAndGet();
	}

	void messageSent() {
		messagesSent.incrementAndGet();
	}

	void webhookDelivered() {
		webhookDeliveries.incrementAndGet();
	}

	void webhookFailed() {
		webhookFailures.incrementAndGet();
	}

	void reset() {
		calls.clear();
		violations.clear();
		faults.clear();
		updates.clear();
		ruleTooManyRequests.set(0);
		webhookDeliveries.set(0);
		webhookFailures.set(0);
		messagesSent.set(0);
		groupBursts.set(0);
	}

	Map<String, Object> toJson(int pendingUpdates) {
		long violationsTotal = violations.values().stream().mapToLong(AtomicLong::get).sum();
		long faultsTotal = faults.values().stream().mapToLong(AtomicLong::get).sum();
		long injected429 = get(faults, "429");
		return Json.obj(
				"calls", snapshot(calls),
				"calls_total", calls.values().stream().mapToLong(AtomicLong::get).sum(),
				"too_many_requests", Json.obj("rule", ruleTooManyRequests.get(), "injected", injected429,
						"total", ruleTooManyRequests.get() + injected429),
				"faults_injected", Json.obj("by_kind", snapshot(faults), "total", faultsTotal),
				"timeouts_after_effect", get(faults, "timeout_after_effect"),
				"rule_violations", Json.obj("by_kind", snapshot(violations), "total", violationsTotal),
				"updates", Json.obj("by_type", snapshot(updates), "pending", pendingUpdates),
				"webhook", Json.obj("deliveries", webhookDeliveries.get(), "failures", webhookFailures.get()),
				"messages_sent", messagesSent.get(),
				"group_bursts", groupBursts.get());
	}

	private static void count(Map<String, AtomicLong> map, String key) {
		map.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
	}

	private static long get(Map<String, AtomicLong> map, String key) {
		AtomicLong value = map.get(key);
		return value == null ? 0 : value.get();
	}

	private static Map<String, Long> snapshot(Map<String, AtomicLong> map) {
		Map<String, Long> copy = new TreeMap<>();
		map.forEach((k, v) -> copy.put(k, v.get()));
		return copy;
	}
}
