package com.b2brics.connect.sandbox.client;

import java.util.Map;

/** The sandbox's statistics, with readers for what tests usually ask. */
public record Stats(Map<String, Object> raw) {

	public long calls(String method) {
		return number(section("calls").get(method));
	}

	public long violations(String kind) {
		return number(section(section("rule_violations"), "by_kind").get(kind));
	}

	public long violationsTotal() {
		return number(section("rule_violations").get("total"));
	}

	public long faultsInjected(String kind) {
		return number(section(section("faults_injected"), "by_kind").get(kind));
	}

	public long faultsInjectedTotal() {
		return number(section("faults_injected").get("total"));
	}

	/** Messages to a group less than a second after the previous one there (let through, not refused). */
	public long groupBursts() {
		return number(raw.get("group_bursts"));
	}

	public long timeoutsAfterEffect() {
		return number(raw.get("timeouts_after_effect"));
	}

	public long ruleTooManyRequests() {
		return number(section("too_many_requests").get("rule"));
	}

	public long injectedTooManyRequests() {
		return number(section("too_many_requests").get("injected"));
	}

	public long webhookDeliveries() {
		return number(section("webhook").get("deliveries"));
	}

	public long webhookFailures() {
		return number(section("webhook").get("failures"));
	}

	public long pendingUpdates() {
		return number(section("updates").get("pending"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> section(String name) {
		return (Map<String, Object>) raw.getOrDefault(name, Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> parent, String name) {
		return (Map<String, Object>) parent.getOrDefault(name, Map.of());
	}

	private static long number(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}
}
