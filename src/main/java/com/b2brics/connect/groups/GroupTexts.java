package com.b2brics.connect.groups;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.UserLanguage;

/**
 * Notices in a working group, written in the languages of the people in it now: each language
 * once, in the order of {@link UserLanguage#SUPPORTED}; English when the bot knows nobody in the
 * group (it knows the people it saw join).
 */
@Component
public class GroupTexts {

	/** Between the versions of one notice in different languages. */
	static final String BETWEEN_LANGUAGES = "\n\n";

	private final WorkingGroups groups;
	private final Accounts accounts;
	private final Texts texts;

	GroupTexts(WorkingGroups groups, Accounts accounts, Texts texts) {
		this.groups = groups;
		this.accounts = accounts;
		this.texts = texts;
	}

	/** The languages the group's current members read, each once; English when none is known. */
	public List<Locale> languagesOf(long chatId) {
		return languagesOf(chatId, List.of());
	}

	private List<Locale> languagesOf(long chatId, List<Long> newcomers) {
		Set<String> spoken = Stream.concat(groups.members(chatId).stream(), newcomers.stream())
			.map(member -> accounts.localeOf(member).getLanguage())
			.collect(Collectors.toSet());
		List<Locale> languages = UserLanguage.SUPPORTED.stream().filter(locale -> spoken.contains(locale.getLanguage())).toList();
		return languages.isEmpty() ? List.of(Locale.ENGLISH) : languages;
	}

	/** The bundle's text for the key in each of the group's languages, one after the other. */
	public String forGroup(long chatId, String key, Object... args) {
		return forGroup(chatId, locale -> texts.text(locale, key, args));
	}

	/** A notice whose arguments depend on the language too (a service's title, a date). */
	public String forGroup(long chatId, Function<Locale, String> text) {
		return languagesOf(chatId).stream().map(text).collect(Collectors.joining(BETWEEN_LANGUAGES));
	}

	/**
	 * A notice about someone who has just joined, so that their language is among the group's
	 * even before the join is recorded (listeners of one join run in no promised order).
	 */
	public String forGroupWith(long chatId, long newcomer, Function<Locale, String> text) {
		return languagesOf(chatId, List.of(newcomer)).stream().map(text).collect(Collectors.joining(BETWEEN_LANGUAGES));
	}
}
