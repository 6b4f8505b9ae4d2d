package com.b2brics.connect.telegram;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Telegram's HTML parse mode: escaping (user text must never become markup), and lengths as
 * Telegram counts them (UTF-16 units of the text after parsing, tags not counted, an entity
 * counted as the character it stands for), so text stays within Telegram's limits.
 */
public final class Html {

	/** Appended where a text was cut. */
	public static final String ELLIPSIS = "…";

	private Html() {
	}

	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * User input echoed in a message: escaped, and cut to at most {@code max} characters (with
	 * {@link #ELLIPSIS}) so that whatever someone typed cannot push the message over Telegram's limit.
	 */
	public static String cut(String text, int max) {
		return escape(cutPlain(text, max));
	}

	/** Plain text (a button label, a title, a toast) cut to at most {@code max} UTF-16 units, never inside a character. */
	public static String cutPlain(String text, int max) {
		if (text == null || text.length() <= max) {
			return text == null ? "" : text;
		}
		if (max <= 0) {
			return "";
		}
		int end = max - 1;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ELLIPSIS;
	}

	/** Length of the text Telegram shows for this HTML, in UTF-16 units (its unit for the 4096 and 1024 limits). */
	public static int visibleLength(String html) {
		return walk(html, Integer.MAX_VALUE).visible();
	}

	/**
	 * The HTML cut so that at most {@code max} characters are visible, never inside a tag, an
	 * entity or a character, with {@link #ELLIPSIS} and the tags still open closed again. Unchanged
	 * when it already fits.
	 */
	public static String fit(String html, int max) {
		if (html == null || html.length() <= max || visibleLength(html) <= max) {
			return html;
		}
		Walk walk = walk(html, Math.max(0, max - ELLIPSIS.length()));
		StringBuilder out = new StringBuilder(html.substring(0, walk.end())).append(ELLIPSIS);
		while (!walk.open().isEmpty()) {
			out.append("</").append(walk.open().pop()).append('>');
		}
		return out.toString();
	}

	private record Walk(int end, int visible, Deque<String> open) {
	}

	/** Reads the HTML until {@code limit} characters are visible; where it stopped, how many, and which tags are open there. */
	private static Walk walk(String html, int limit) {
		Deque<String> open = new ArrayDeque<>();
		int visible = 0;
		int i = 0;
		int n = html == null ? 0 : html.length();
		while (i < n) {
			char c = html.charAt(i);
			if (c == '<') {
				int close = html.indexOf('>', i);
				if (close < 0) {
					close = n - 1;
				}
				String tag = html.substring(i + 1, close).trim();
				if (tag.startsWith("/")) {
					if (!open.isEmpty()) {
						open.pop();
					}
				}
				else {
					String name = tag.split("[\\s>]", 2)[0];
					if (!name.isEmpty()) {
						open.push(name);
					}
				}
				i = close + 1;
				continue;
			}
			int units;
			int next;
			if (c == '&') {
				int semicolon = html.indexOf(';', i);
				String entity = semicolon < 0 || semicolon - i > 10 ? null : html.substring(i + 1, semicolon);
				int decoded = decode(entity);
				if (decoded >= 0) {
					units = Character.charCount(decoded);
					next = semicolon + 1;
				}
				else {
					units = 1;
					next = i + 1;
				}
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(html.charAt(i + 1))) {
				units = 2;
				next = i + 2;
			}
			else {
				units = 1;
				next = i + 1;
			}
			if (visible + units > limit) {
				return new Walk(i, visible, open);
			}
			visible += units;
			i = next;
		}
		return new Walk(n, visible, open);
	}

	/** The code point an entity Telegram decodes stands for, or -1 if it stays text. */
	private static int decode(String entity) {
		if (entity == null) {
			return -1;
		}
		switch (entity) {
			case "lt", "gt", "amp", "quot" -> {
				return '&';
			}
			default -> {
				try {
					int code = entity.startsWith("#x") || entity.startsWith("#X") ? Integer.parseInt(entity.substring(2), 16)
							: entity.startsWith("#") ? Integer.parseInt(entity.substring(1)) : -1;
					return Character.isValidCodePoint(code) ? code : -1;
				}
				catch (NumberFormatException | IndexOutOfBoundsException e) {
					return -1;
				}
			}
		}
	}
}
