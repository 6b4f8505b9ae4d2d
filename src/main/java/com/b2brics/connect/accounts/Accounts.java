package com.b2brics.connect.accounts;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.UserLanguage;

/**
 * What other modules may ask about a person the bot knows: their language (their own choice,
 * else Telegram's language_code) and whether the bot can reach them.
 */
@Service
public class Accounts implements UserLanguage {

	private final BotUsers users;
	private final Clock clock;

	Accounts(BotUsers users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public Locale of(TelegramUser user) {
		return locale(users.find(user.id()), user.languageCode());
	}

	/** The locale of a known user by id; English when unknown. */
	public Locale localeOf(long telegramId) {
		return locale(users.find(telegramId), null);
	}

	/**
	 * Their own choice, else what Telegram says (fresh if given, else as stored) when we speak it,
	 * else the language of the storefront they came from, else English.
	 */
	private static Locale locale(Optional<BotUsers.BotUser> user, String freshLanguageCode) {
		if (user.isPresent() && user.get().language() != null) {
			return UserLanguage.fromLanguageCode(user.get().language());
		}
		String code = freshLanguageCode != null ? freshLanguageCode : user.map(BotUsers.BotUser::languageCode).orElse(null);
		return UserLanguage.supported(code)
			.or(() -> UserLanguage.supported(user.map(BotUsers.BotUser::storefrontLanguage).orElse(null)))
			.orElse(Locale.ENGLISH);
	}

	/**
	 * The person came into the bot from a storefront (a Contact link): its language is theirs when
	 * Telegram tells none we speak. Their own /language choice still wins.
	 */
	public void cameFromStorefront(long telegramId, Locale storefrontLanguage) {
		UserLanguage.supported(storefrontLanguage == null ? null : storefrontLanguage.toLanguageTag())
			.ifPresent(locale -> users.cameFromStorefront(telegramId, locale.getLanguage()));
	}

	/** The user's first name as Telegram last told it; "?" for someone the bot never met. */
	public String nameOf(long telegramId) {
		return users.find(telegramId).map(BotUsers.BotUser::firstName).orElse("?");
	}

	/** False when the user blocked the bot (until they write again) or never started it. */
	public boolean reachable(long telegramId) {
		Optional<BotUsers.BotUser> user = users.find(telegramId);
		return user.isPresent() && user.get().startedAt() != null && user.get().unreachableAt() == null;
	}

	void seen(TelegramUser user) {
		users.seen(user, clock.instant());
	}
}
