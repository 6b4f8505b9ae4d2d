package com.b2brics.connect.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who does what in a deal ({@code deal_roles}): one row per person asked, with the zone they stated. */
@Repository
class RoleZones {

	/** The zones people choose with buttons: the same codes as the catalog's specializations. */
	static final List<String> CODES = List.of("logistics", "certification", "customs", "marketing", "legal", "translation",
			"inspection", "finance");

	/** Longest zone in own words. */
	static final int MAX_TEXT = 200;

	record Row(String dealKey, long userId, long chatId, boolean stated, List<String> codes, String text,
			Instant awaitingTextUntil, Instant askedAt) {

		ZoneOverlap.Zone zone() {
			return new ZoneOverlap.Zone(userId, codes, text);
		}
	}

	private final JdbcClient jdbc;

	RoleZones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person is asked; false when they were asked in this deal before. */
	boolean asked(String dealKey, long userId, long chatId, Instant now) {
		return jdbc.sql("""
				INSERT INTO deal_roles (deal_key, user_id, chat_id, status, specializations, asked_at)
				VALUES (:key, :user, :chat, 'ASKED', '', :now)
				ON CONFLICT DO NOTHING""")
			.param("key", dealKey)
			.param("user", userId)
			.param("chat", chatId)
			.param("now", at(now))
			.update() == 1;
	}

	Optional<Row> of(String dealKey, long userId) {
		return jdbc.sql("SELECT * FROM deal_roles WHERE deal_key = :key AND user_id = :user")
			.param("key", dealKey)
			.param("user", userId)
			.query(RoleZones::map)
			.optional();
	}

	List<Row> ofDeal(String dealKey) {
		return jdbc.sql("SELECT * FROM deal_roles WHERE deal_key = :key ORDER BY asked_at, user_id")
			.param("key", dealKey)
			.query(RoleZones::map)
			.list();
	}

	/** The person whose own words the group waits for, if they pressed "in my own words" lately. */
	Optional<Row> awaitingText(long chatId, long userId, Instant now) {
		return jdbc.sql("SELECT * FROM deal_roles WHERE chat_id = :chat AND user_id = :user AND awaiting_text_until > :now")
			.param("chat", chatId)
			.param("user", userId)
			.param("now", at(now))
			.query(RoleZones::map)
			.list()
			.stream()
			.findFirst();
	}

	/** Adds a zone code; false when the person had it already (or has no row). */
	boolean addCode(String dealKey, long userId, long chatId, String code, Instant now) {
		asked(dealKey, userId, chatId, now);
		Row row = of(dealKey, userId).orElseThrow();
		if (row.codes().contains(code)) {
			return false;
		}
		String codes = row.codes().isEmpty() ? code : String.join(",", row.codes()) + "," + code;
		return jdbc.sql("""
				UPDATE deal_roles SET specializations = :codes, status = 'STATED', stated_at = :now
				WHERE deal_key = :key AND user_id = :user AND specializations = :was""")
			.param("key", dealKey)
			.param("user", userId)
			.param("codes", codes)
			.param("was", String.join(",", row.codes()))
			.param("now", at(now))
			.update() == 1;
	}

	void awaitText(String dealKey, long userId, long chatId, Instant until, Instant now) {
		asked(dealKey, userId, chatId, now);
		jdbc.sql("UPDATE deal_roles SET awaiting_text_until = :until, chat_id = :chat WHERE deal_key = :key AND user_id = :user")
			.param("key", dealKey)
			.param("user", userId)
			.param("chat", chatId)
			.param("until", at(until))
			.update();
	}

	/** The zone in own words; false when the text was not awaited (any more). */
	boolean stateText(String dealKey, long userId, String text, Instant now) {
		return jdbc.sql("""
				UPDATE deal_roles SET zone_text = :text, status = 'STATED', stated_at = :now, awaiting_text_until = NULL
				WHERE deal_key = :key AND user_id = :user AND awaiting_text_until > :now""")
			.param("key", dealKey)
			.param("user", userId)
			.param("text", text)
			.param("now", at(now))
			.update() == 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		String codes = rs.getString("specializations");
		OffsetDateTime awaiting = rs.getObject("awaiting_text_until", OffsetDateTime.class);
		return new Row(rs.getString("deal_key"), rs.getLong("user_id"), rs.getLong("chat_id"), "STATED".equals(rs.getString("status")),
				codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")), rs.getString("zone_text"),
				awaiting == null ? null : awaiting.toInstant(), rs.getObject("asked_at", OffsetDateTime.class).toInstant());
	}
}
