package com.b2brics.connect.sandbox.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds Telegram objects as ordered maps and (de)serializes them. Telegram omits absent
 * fields instead of writing {@code null}; {@link #obj} does the same.
 */
public final class Json {

	/** Immutable and thread-safe, so one per JVM is fine. */
	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** An object of key/value pairs; pairs with a {@code null} value are left out. */
	public static Map<String, Object> obj(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object value = keysAndValues[i + 1];
			if (value != null) {
				map.put((String) keysAndValues[i], value);
			}
		}
		return map;
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** Plain Java values: maps, lists, strings, numbers, booleans, null. */
	public static Object read(String json) {
		return MAPPER.readValue(json, Object.class);
	}

	public static Object read(byte[] json) {
		return MAPPER.readValue(json, Object.class);
	}
}
