package com.b2brics.connect.sandbox.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text as Telegram keeps it: plain text plus {@code MessageEntity} objects whose
 * offsets and lengths count UTF-16 code units. Parses {@code parse_mode=HTML} like Telegram
 * (its tag set, its four named entities plus numeric ones, its error texts with UTF-8 byte
 * offsets), strips surrounding white space, and detects commands, URLs, mentions and hashtags.
 */
public record FormattedText(String text, List<Map<String, Object>> entities) {

	private static final Set<String> TAGS = Set.of("a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
			"span", "tg-spoiler", "tg-emoji", "code", "pre", "blockquote");

	private static final Pattern AUTO = Pattern.compile(
			"(?<command>(?<![\\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)"
					+ "|(?<url>\\bhttps?://[^\\s<>\"]+)"
					+ "|(?<mention>(?<![\\w@])@[A-Za-z][A-Za-z0-9_]{3,31})"
					+ "|(?<hashtag>(?<![\\w#])#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

	/** Parses a text the bot sent with the given {@code parse_mode} (null: plain). */
	static FormattedText parse(String text, String parseMode) {
		List<Map<String, Object>> entities = new ArrayList<>();
		String plain = text;
		if (parseMode != null && !parseMode.isBlank()) {
			switch (parseMode.trim().toLowerCase()) {
				case "html" -> plain = parseHtml(text, entities);
				// MarkdownV2 is not emulated: the text is kept as written (documented limitation).
				case "markdown", "markdownv2" -> plain = text;
				default -> throw TelegramError.badRequest("parse_mode_invalid", "unsupported parse_mode");
			}
		}
		return trimmed(plain, entities).withDetectedEntities();
	}

	/** A text a simulated person typed: no markup, only detected entities. */
	static FormattedText plain(String text) {
		return trimmed(text, new ArrayList<>()).withDetectedEntities();
	}

	/** Length in UTF-16 code units, the unit of Telegram's limits. */
	int length() {
		return text.length();
	}

	boolean isEmpty() {
		return text.isEmpty();
	}

	private static FormattedText trimmed(String text, List<Map<String, Object>> entities) {
		int start = 0;
		int end = text.length();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		List<Map<String, Object>> kept = new ArrayList<>();
		for (Map<String, Object> entity : entities) {
			int from = Math.max((int) entity.get("offset"), start);
			int to = Math.min((int) entity.get("offset") + (int) entity.get("length"), end);
			if (to > from) {
				Map<String, Object> copy = new java.util.LinkedHashMap<>(entity);
				copy.put("offset", from - start);
				copy.put("length", to - from);
				kept.add(copy);
			}
		}
		return new FormattedText(text.substring(start, end), kept);
	}

	private FormattedText withDetectedEntities() {
		List<Map<String, Object>> all = new ArrayList<>(entities);
		Matcher m = AUTO.matcher(text);
		while (m.find()) {
			String type = m.group("command") != null ? "bot_command"
					: m.group("url") != null ? "url" : m.group("mention") != null ? "mention" : "hashtag";
			int offset = m.start();
			int length = m.end() - m.start();
			if (!insideCode(offset, length)) {
				all.add(Json.obj("type", type, "offset", offset, "length", length));
			}
		}
		all.sort(Comparator.<Map<String, Object>>comparingInt(e -> (int) e.get("offset"))
			.thenComparing(e -> -(int) e.get("length")));
		return new FormattedText(text, List.copyOf(all));
	}

	private boolean insideCode(int offset, int length) {
		for (Map<String, Object> e : entities) {
			String type = (String) e.get("type");
			int from = (int) e.get("offset");
			int to = from + (int) e.get("length");
			if ((type.equals("code") || type.equals("pre") || type.equals("text_link")) && offset < to
					&& offset + length > from) {
				return true;
			}
		}
		return false;
	}

	private record OpenTag(String name, int start, Map<String, String> attributes) {
	}

	private static String parseHtml(String html, List<Map<String, Object>> entities) {
		StringBuilder out = new StringBuilder();
		Deque<OpenTag> open = new ArrayDeque<>();
		int n = html.length();
		int i = 0;
		while (i < n) {
			char c = html.charAt(i);
			if (c == '&') {
				int[] decoded = decodeEntity(html, i);
				if (decoded != null) {
					out.appendCodePoint(decoded[0]);
					i = decoded[1];
				}
				else {
					out.append('&');
					i++;
				}
				continue;
			}
			if (c != '<') {
				out.append(c);
				i++;
				continue;
			}
			int begin = i;
			i++;
			if (i < n && html.charAt(i) == '/') {
				i++;
				int nameStart = i;
				while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
					i++;
				}
				String endName = html.substring(nameStart, i).toLowerCase();
				while (i < n && isSpace(html.charAt(i))) {
					i++;
				}
				if (i >= n || html.charAt(i) != '>') {
					throw parseError("Unclosed end tag at byte offset " + byteOffset(html, begin));
				}
				i++;
				if (open.isEmpty()) {
					throw parseError("Unexpected end tag at byte offset " + byteOffset(html, begin));
				}
				OpenTag tag = open.pop();
				if (!endName.isEmpty() && !endName.equals(tag.name())) {
					throw parseError("Unmatched end tag at byte offset " + byteOffset(html, begin) + ", expected \"</"
							+ tag.name() + ">\", found \"</" + endName + ">\"");
				}
				closeTag(tag, out, open, entities);
				continue;
			}
			int nameStart = i;
			while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
				i++;
			}
			if (i >= n) {
				throw parseError("Unclosed start tag at byte offset " + byteOffset(html, begin));
			}
			String name = html.substring(nameStart, i).toLowerCase();
			if (!TAGS.contains(name)) {
				throw parseError("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, begin));
			}
			Map<String, String> attributes = new HashMap<>();
			while (true) {
				while (i < n && isSpace(html.charAt(i))) {
					i++;
				}
				if (i >= n) {
					throw parseError("Unclosed start tag at byte offset " + byteOffset(html, begin));
				}
				if (html.charAt(i) == '>') {
					break;
				}
				int attributeStart = i;
				while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '>') {
					i++;
				}
				String attribute = html.substring(attributeStart, i).toLowerCase();
				if (attribute.isEmpty()) {
					throw parseError("Empty attribute name in the tag \"" + name + "\" at byte offset "
							+ byteOffset(html, begin));
				}
				while (i < n && isSpace(html.charAt(i))) {
					i++;
				}
				if (i >= n || html.charAt(i) != '=') {
					if (name.equals("blockquote") && attribute.equals("expandable")) {
						attributes.put(attribute, "");
						continue;
					}
					throw parseError("Expected equal sign in declaration of an attribute of the tag \"" + name
							+ "\" at byte offset " + byteOffset(html, begin));
				}
				i++;
				while (i < n && isSpace(html.charAt(i))) {
					i++;
				}
				if (i >= n) {
					throw parseError("Unclosed start tag at byte offset " + byteOffset(html, begin));
				}
				StringBuilder value = new StringBuilder();
				char quote = html.charAt(i);
				if (quote == '"' || quote == '\'') {
					i++;
					while (i < n && html.charAt(i) != quote) {
						if (html.charAt(i) == '&') {
							int[] decoded = decodeEntity(html, i);
							if (decoded != null) {
								value.appendCodePoint(decoded[0]);
								i = decoded[1];
								continue;
							}
						}
						value.append(html.charAt(i++));
					}
					if (i < n) {
						i++;
					}
				}
				else {
					int tokenStart = i;
					while (i < n && (Character.isLetterOrDigit(html.charAt(i)) || html.charAt(i) == '.'
							|| html.charAt(i) == '-')) {
						i++;
					}
					value.append(html.substring(tokenStart, i).toLowerCase());
					if (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
						throw parseError("Unexpected end of name token at byte offset " + byteOffset(html, tokenStart));
					}
				}
				if (i >= n) {
					throw parseError("Unclosed start tag at byte offset " + byteOffset(html, begin));
				}
				attributes.put(attribute, value.toString());
			}
			i++;
			if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
				throw parseError("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(html, begin));
			}
			open.push(new OpenTag(name, out.length(), attributes));
		}
		if (!open.isEmpty()) {
			throw parseError("Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
		}
		return out.toString();
	}

	private static void closeTag(OpenTag tag, StringBuilder out, Deque<OpenTag> open,
			List<Map<String, Object>> entities) {
		int offset = tag.start();
		int length = out.length() - offset;
		if (length <= 0) {
			return;
		}
		String type = switch (tag.name()) {
			case "b", "strong" -> "bold";
			case "i", "em" -> "italic";
			case "u", "ins" -> "underline";
			case "s", "strike", "del" -> "strikethrough";
			case "span", "tg-spoiler" -> "spoiler";
			case "code" -> "code";
			case "pre" -> "pre";
			case "a" -> "text_link";
			case "tg-emoji" -> "custom_emoji";
			case "blockquote" -> tag.attributes().containsKey("expandable") ? "expandable_blockquote" : "blockquote";
			default -> throw new IllegalStateException(tag.name());
		};
		Map<String, Object> entity = Json.obj("type", type, "offset", offset, "length", length);
		switch (type) {
			case "code" -> {
				String language = tag.attributes().getOrDefault("class", "");
				OpenTag parent = open.peek();
				if (parent != null && parent.name().equals("pre") && language.startsWith("language-")) {
					parent.attributes().put("language", language.substring("language-".length()));
					return;
				}
			}
			case "pre" -> {
				if (tag.attributes().containsKey("language")) {
					entity.put("language", tag.attributes().get("language"));
				}
			}
			case "text_link" -> {
				String url = tag.attributes().getOrDefault("href", out.substring(offset));
				if (url.startsWith("tg://user?id=")) {
					entity.put("type", "text_mention");
					entity.put("user", Json.obj("id", parseLongOrZero(url.substring(13)), "is_bot", false,
							"first_name", out.substring(offset)));
				}
				else if (!url.matches("(?i)(https?|tg)://\\S+|[\\w.-]+\\.[a-z]{2,}\\S*")) {
					return;
				}
				else {
					entity.put("url", url);
				}
			}
			case "custom_emoji" -> entity.put("custom_emoji_id", tag.attributes().getOrDefault("emoji-id", ""));
			default -> {
			}
		}
		entities.add(entity);
	}

	private static long parseLongOrZero(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	/** Telegram decodes {@code &lt; &gt; &amp; &quot;} and numeric references; anything else stays text. */
	private static int[] decodeEntity(String text, int pos) {
		int n = text.length();
		int end = pos + 1;
		int codePoint;
		if (end < n && text.charAt(end) == '#') {
			end++;
			long value = 0;
			boolean hex = end < n && (text.charAt(end) == 'x' || text.charAt(end) == 'X');
			if (hex) {
				end++;
			}
			int digitsStart = end;
			while (end < n && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0 && end - pos < 10) {
				value = value * (hex ? 16 : 10) + Character.digit(text.charAt(end), hex ? 16 : 10);
				end++;
			}
			if (end == digitsStart || value == 0 || value >= 0x10ffff) {
				return null;
			}
			codePoint = (int) value;
		}
		else {
			while (end < n && Character.isLetter(text.charAt(end))) {
				end++;
			}
			switch (text.substring(pos + 1, end)) {
				case "lt" -> codePoint = '<';
				case "gt" -> codePoint = '>';
				case "amp" -> codePoint = '&';
				case "quot" -> codePoint = '"';
				default -> {
					return null;
				}
			}
		}
		if (end < n && text.charAt(end) == ';') {
			end++;
		}
		return new int[] { codePoint, end };
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
	}

	private static int byteOffset(String text, int index) {
		return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
	}

	private static TelegramError parseError(String text) {
		return TelegramError.badRequest("html_invalid", "can't parse entities: " + text);
	}

	/** The text as safe HTML with its formatting, for the sandbox's web client. */
	public String toHtml() {
		StringBuilder html = new StringBuilder();
		List<Map<String, Object>> formatting = entities.stream()
			.filter(e -> Set.of("bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link",
					"url", "blockquote", "expandable_blockquote").contains(e.get("type")))
			.toList();
		Deque<Map<String, Object>> open = new ArrayDeque<>();
		for (int i = 0; i <= text.length(); i++) {
			while (!open.isEmpty() && end(open.peek()) <= i) {
				html.append(closing(open.pop()));
			}
			if (i == text.length()) {
				break;
			}
			for (Map<String, Object> e : formatting) {
				if ((int) e.get("offset") == i && (open.isEmpty() || end(e) <= end(open.peek()))) {
					html.append(opening(e));
					open.push(e);
				}
			}
			char c = text.charAt(i);
			switch (c) {
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				default -> html.append(c);
			}
		}
		return html.toString();
	}

	private static int end(Map<String, Object> e) {
		return (int) e.get("offset") + (int) e.get("length");
	}

	private String opening(Map<String, Object> e) {
		return switch ((String) e.get("type")) {
			case "bold" -> "<b>";
			case "italic" -> "<i>";
			case "underline" -> "<u>";
			case "strikethrough" -> "<s>";
			case "spoiler" -> "<span class=\"spoiler\">";
			case "code" -> "<code>";
			case "pre" -> "<pre>";
			case "blockquote", "expandable_blockquote" -> "<blockquote>";
			case "text_link" -> "<a href=\"" + escapeAttribute((String) e.get("url")) + "\" target=\"_blank\">";
			case "url" -> "<a href=\"" + escapeAttribute(text.substring((int) e.get("offset"), end(e)))
					+ "\" target=\"_blank\">";
			default -> "";
		};
	}

	private static String closing(Map<String, Object> e) {
		return switch ((String) e.get("type")) {
			case "bold" -> "</b>";
			case "italic" -> "</i>";
			case "underline" -> "</u>";
			case "strikethrough" -> "</s>";
			case "spoiler" -> "</span>";
			case "code" -> "</code>";
			case "pre" -> "</pre>";
			case "blockquote", "expandable_blockquote" -> "</blockquote>";
			case "text_link", "url" -> "</a>";
			default -> "";
		};
	}

	private static String escapeAttribute(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}
}
