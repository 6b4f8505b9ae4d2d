package com.b2brics.connect.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.b2brics.connect.telegram.TelegramUser;

/** The people the bot knows, keyed by Telegram user id. */
@Repository
class BotUsers {

	private final JdbcClient jdbc;

	BotUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record BotUser(long telegramId, String firstName, String languageCode, String language, Instant startedAt,
			Instant unreachableAt, String storefrontLanguage) {
	}

	/** Records or refreshes what Telegram says about the user; writing to us makes them reachable again. */
	void seen(TelegramUser user, Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE bot_users SET first_name = :first, last_name = :last, username = :username,
				       language_code = :code, last_seen_at = :now, unreachable_at = NULL
				WHERE telegram_id = :id""")
			.param("first", user.firstName())
			.param("last", user.lastName())
			.param("username", user.username())
			.param("code", user.languageCode())
			.param("now", at)
			.param("id", user.id())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO bot_users (telegram_id, first_name, last_name, username, language_code, last_seen_at)
					VALUES (:id, :first, :last, :username, :code, :now) ON CONFLICT DO NOTHING""")
				.param("id", user.id())
				.param("first", user.firstName())
				.param("last", user.lastName())
				.param("username", user.username())
				.param("code", user.languageCode())
				.param("now", at)
				.update();
		}
	}

	void started(long telegramId, Instant now) {
		jdbc.sql("UPDATE bot_users SET started_at = COALESCE(started_at, :now) WHERE telegram_id = :id")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("id", telegramId)
			.update();
	}

	void chooseLanguage(long telegramId, String language) {
		jdbc.sql("UPDATE bot_users SET language = :language WHERE telegram_id = :id")
			.param("language", language)
			.param("id", telegramId)
			.update();
	}

	void cameFromStorefront(long telegramId, String language) {
		jdbc.sql("UPDATE bot_users SET storefront_language = :language WHERE telegram_id = :id")
			.param("language", language)
			.param("id", telegramId)
			.update();
	}

	void unreachable(long telegramId, Instant now) {
		jdbc.sql("UPDATE bot_users SET unreachable_at = :now WHERE telegram_id = :id")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("id", telegramId)
			.update();
	}

	Optional<BotUser> find(long telegramId) {
		return jdbc.sql("SELECT * FROM bot_users WHERE telegram_id = :id")
			.param("id", telegramId)
			.query((rs, n) -> new BotUser(rs.getLong("telegram_id"), rs.getString("first_name"),
					rs.getString("language_code"), rs.getString("language"), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("unreachable_at", OffsetDateTime.class)), rs.getString("storefront_language")))
			.optional();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
