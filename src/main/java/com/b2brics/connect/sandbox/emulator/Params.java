package com.b2brics.connect.sandbox.emulator;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one Bot API call, however they came (query string, form, JSON, multipart).
 * Values are strings (form) or JSON values (JSON body); nested objects may arrive as JSON text
 * in a form field, as Telegram accepts.
 */
public final class Params {

	private final Map<String, Object> values;

	private final Map<String, Upload> uploads;

	public Params(Map<String, Object> values, Map<String, Upload> uploads) {
		this.values = values;
		this.uploads = uploads == null ? Map.of() : uploads;
	}

	public static Params of(Map<String, Object> values) {
		return new Params(values, Map.of());
	}

	/** A file sent with multipart/form-data. */
	public record Upload(String fileName, String contentType, byte[] content) {
	}

	boolean has(String name) {
		Object value = values.get(name);
		return value != null && !(value instanceof String s && s.isEmpty());
	}

	Upload upload(String name) {
		return uploads.get(name);
	}

	Object raw(String name) {
		return values.get(name);
	}

	String string(String name) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof List) {
			return Json.write(value);
		}
		return value.toString();
	}

	String requiredString(String name) {
		String value = string(name);
		if (value == null || value.isEmpty()) {
			throw TelegramError.badRequest("parameter_missing", name + " is empty");
		}
		return value;
	}

	Long longValue(String name) {
		Object value = values.get(name);
		if (value == null || (value instanceof String s && s.isBlank())) {
			return null;
		}
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException e) {
			throw TelegramError.badRequest("parameter_invalid", "invalid " + name + " specified");
		}
	}

	long requiredLong(String name) {
		Long value = longValue(name);
		if (value == null) {
			throw TelegramError.badRequest("parameter_missing", name + " is empty");
		}
		return value;
	}

	boolean bool(String name) {
		Object value = values.get(name);
		if (value instanceof Boolean b) {
			return b;
		}
		if (value == null) {
			return false;
		}
		String text = value.toString().trim();
		return text.equalsIgnoreCase("true") || text.equals("1");
	}

	/** A JSON value that may have arrived as JSON text. */
	Object json(String name, String errorText) {
		Object value = values.get(name);
		if (value instanceof String s) {
			if (s.isBlank()) {
				return null;
			}
			try {
				return Json.read(s);
			}
			catch (RuntimeException e) {
				throw TelegramError.badRequest("parameter_invalid", errorText);
			}
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> object(String name, String errorText) {
		Object value = json(name, errorText);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw TelegramError.badRequest("parameter_invalid", errorText);
	}

	@SuppressWarnings("unchecked")
	List<String> stringList(String name) {
		Object value = json(name, "can't parse " + name + " JSON array");
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		throw TelegramError.badRequest("parameter_invalid", "can't parse " + name + " JSON array");
	}

	Map<String, Object> asMap() {
		return Collections.unmodifiableMap(values);
	}
}
