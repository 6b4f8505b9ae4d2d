package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Telegram's language_code reduced to a language the bot speaks. */
class UserLanguageTest {

	@Test
	void regionalAndScriptVariantsMeanTheirLanguage() {
		assertThat(UserLanguage.fromLanguageCode("pt-br")).isEqualTo(Locale.forLanguageTag("pt"));
		assertThat(UserLanguage.fromLanguageCode("pt-BR")).isEqualTo(Locale.forLanguageTag("pt"));
		assertThat(UserLanguage.fromLanguageCode("zh-hans")).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(UserLanguage.fromLanguageCode("zh-hant-tw")).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(UserLanguage.fromLanguageCode("ar-EG")).isEqualTo(Locale.forLanguageTag("ar"));
		assertThat(UserLanguage.fromLanguageCode("ar")).isEqualTo(Locale.forLanguageTag("ar"));
		assertThat(UserLanguage.fromLanguageCode("hi")).isEqualTo(Locale.forLanguageTag("hi"));
		assertThat(UserLanguage.fromLanguageCode("ru")).isEqualTo(Locale.forLanguageTag("ru"));
		assertThat(UserLanguage.fromLanguageCode("en-GB")).isEqualTo(Locale.ENGLISH);
		assertThat(UserLanguage.fromLanguageCode("pt_BR")).isEqualTo(Locale.forLanguageTag("pt"));
	}

	@Test
	void missingOrUnsupportedIsNoneOfOurs() {
		assertThat(UserLanguage.supported(null)).isEmpty();
		assertThat(UserLanguage.supported("")).isEmpty();
		assertThat(UserLanguage.supported("de")).isEmpty();
		assertThat(UserLanguage.supported("x".repeat(100))).isEmpty();
		assertThat(UserLanguage.supported("not a tag at all")).isEmpty();
		assertThat(UserLanguage.fromLanguageCode("de")).isEqualTo(Locale.ENGLISH);
		assertThat(UserLanguage.fromLanguageCode(null)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void sixLanguagesEachUnderItsOwnName() {
		assertThat(UserLanguage.SUPPORTED).extracting(Locale::getLanguage).containsExactly("en", "ru", "pt", "ar", "zh", "hi");
		assertThat(UserLanguage.SUPPORTED).extracting(UserLanguage::nativeName)
			.containsExactly("English", "Русский", "Português", "العربية", "中文", "हिन्दी");
	}
}
