package com.b2brics.connect.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.UserLanguage;

/**
 * The languages of the site's switch, for the layout ({@code ${@siteLanguages.all()}}): the bot's
 * languages ({@link UserLanguage#SUPPORTED}), each under its own name, and which way its text
 * runs.
 */
@Component("siteLanguages")
public class SiteLanguages {

	/** Written right to left; of ours, Arabic. */
	private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

	/**
	 * One language of the switch.
	 * @param code the {@code ?lang=} value and {@code hreflang}
	 * @param label what the switch shows (the code in capitals: RU, EN, AR)
	 * @param nativeName its name in itself, the link's title
	 */
	public record Language(String code, String label, String nativeName) {
	}

	private static final List<Language> ALL = UserLanguage.SUPPORTED.stream()
		.map(locale -> new Language(locale.getLanguage(), locale.getLanguage().toUpperCase(Locale.ROOT),
				UserLanguage.nativeName(locale)))
		.toList();

	public List<Language> all() {
		return ALL;
	}

	/** {@code rtl} for a language written right to left, else {@code ltr}: the page's {@code <html dir>}. */
	public String direction(Locale locale) {
		return locale != null && RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr";
	}
}
