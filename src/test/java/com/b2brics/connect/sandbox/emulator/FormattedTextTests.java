package com.b2brics.connect.sandbox.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Telegram's HTML parse mode, checked without HTTP. */
class FormattedTextTests {

	private static FormattedText html(String text) {
		return FormattedText.parse(text, "HTML");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@Test
	void anyEscapedTextComesBackAsWrittenWithoutFormatting() {
		Random random = new Random(20261125);
		String alphabet = "ab <>&\"';/#@:._-жé😀\n\t0123456789";
		for (int run = 0; run < 500; run++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(40);
			for (int i = 0; i < length; i++) {
				int at = random.nextInt(alphabet.length());
				if (Character.isHighSurrogate(alphabet.charAt(at))) {
					text.append(alphabet, at, at + 2);
				}
				else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
					text.append(alphabet.charAt(at));
				}
			}
			String written = text.toString();

			FormattedText parsed = html(escape(written));

			assertThat(parsed.text()).as("escaped %s", written).isEqualTo(written.strip());
			assertThat(parsed.entities()).noneMatch(e -> Map.of("bold", 1, "italic", 1, "text_link", 1, "code", 1)
				.containsKey(e.get("type")));
		}
	}

	@Test
	void preWithLanguageAbsorbsItsCodeTag() {
		FormattedText parsed = html("<pre><code class=\"language-java\">int x;</code></pre>");

		assertThat(parsed.entities()).containsExactly(Map.of("type", "pre", "offset", 0, "length", 6, "language", "java"));
	}

	@Test
	void spoilersBlockquotesAndMentionsBecomeTheirEntities() {
		FormattedText parsed = html("<tg-spoiler>a</tg-spoiler> <span class=\"tg-spoiler\">b</span> "
				+ "<blockquote expandable>c</blockquote> <a href=\"tg://user?id=42\">Ivan</a>");

		assertThat(parsed.entities()).extracting(e -> e.get("type"))
			.containsExactly("spoiler", "spoiler", "expandable_blockquote", "text_mention");
	}

	@Test
	void attributesMayBeUnquotedOrSingleQuoted() {
		assertThat(html("<a href='https://b2brics.com'>x</a>").entities().get(0)).containsEntry("url", "https://b2brics.com");
		assertThat(html("<pre><code class=language-python>x</code></pre>").entities().get(0))
			.containsEntry("language", "python");
	}

	@Test
	void entitiesWithoutSemicolonAreStillDecoded() {
		assertThat(html("a &lt b &amp c").text()).isEqualTo("a < b & c");
	}

	@Test
	void errorsNameTheByteOffsetOfTheTag() {
		assertThatThrownBy(() -> html("😀<b x>y</b>")).isInstanceOf(TelegramError.class)
			.hasMessage("Bad Request: can't parse entities: Expected equal sign in declaration of an attribute of the tag \"b\" at byte offset 4");
		assertThatThrownBy(() -> html("<b")).hasMessage("Bad Request: can't parse entities: Unclosed start tag at byte offset 0");
		assertThatThrownBy(() -> html("<b>x</b")).hasMessage("Bad Request: can't parse entities: Unclosed end tag at byte offset 4");
	}

	@Test
	void commandsUrlsMentionsAndHashtagsAreDetectedInPlainText() {
		FormattedText parsed = FormattedText.plain("/invite@B2bricsConnectBot logistics #brazil @ivan_petrov https://b2brics.com/r/K7M2QX");

		assertThat(parsed.entities()).extracting(e -> e.get("type"))
			.containsExactly("bot_command", "hashtag", "mention", "url");
		assertThat(parsed.entities().get(0)).containsEntry("length", 25);
	}

	@Test
	void unsupportedParseModeIsRefused() {
		assertThatThrownBy(() -> FormattedText.parse("x", "BBCode")).hasMessage("Bad Request: unsupported parse_mode");
	}

	@Test
	void webHtmlEscapesWhatPeopleTyped() {
		assertThat(FormattedText.plain("<script>alert(1)</script>").toHtml())
			.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
	}
}
