package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lengths as Telegram counts them, and cuts that never break a tag, an entity or a character. */
class HtmlTest {

	@Test
	void visibleLengthCountsTheTextAfterParsing() {
		assertThat(Html.visibleLength("<b>Hi</b> &lt;you&gt; &amp; &#128512; &nbsp;")).isEqualTo(2 + 1 + 5 + 1 + 1 + 1 + 2 + 1 + 6);
		assertThat(Html.visibleLength("<a href=\"https://example.com/very/long\">x</a>")).isEqualTo(1);
		assertThat(Html.visibleLength("😀")).isEqualTo(2);
	}

	@Test
	void fitLeavesTextThatFitsAlone() {
		String html = "<b>" + "a".repeat(4090) + "</b> &lt;";
		assertThat(Html.fit(html, 4096)).isSameAs(html);
	}

	@Test
	void fitCutsOutsideTagsAndEntitiesAndClosesWhatIsOpen() {
		String html = "<b>bold <i>" + "&lt;".repeat(5000) + "</i></b> tail";
		String fitted = Html.fit(html, 4096);
		assertThat(Html.visibleLength(fitted)).isLessThanOrEqualTo(4096);
		assertThat(fitted).endsWith("&lt;…</i></b>").doesNotContain("tail");
		assertThat(fitted.replace("&lt;", "")).doesNotContain("&");
	}

	@Test
	void fitNeverSplitsASurrogatePair() {
		String fitted = Html.fit("😀".repeat(3000), 4096);
		assertThat(Html.visibleLength(fitted)).isLessThanOrEqualTo(4096);
		assertThat(fitted).endsWith("😀…");
	}

	@Test
	void cutEscapesAndCutsUserInput() {
		assertThat(Html.cut("<script>", 64)).isEqualTo("&lt;script&gt;");
		String cut = Html.cut("<" + "x".repeat(4089), 64);
		assertThat(cut).startsWith("&lt;x").endsWith("x…");
		assertThat(Html.visibleLength(cut)).isEqualTo(64);
		assertThat(Html.cutPlain("a😀", 2)).isEqualTo("a…");
	}
}
