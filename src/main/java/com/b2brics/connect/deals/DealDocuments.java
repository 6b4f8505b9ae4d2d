package com.b2brics.connect.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The files posted in deal groups ({@code deal_documents}), one row per posting, and their final
 * status. Transitions are conditional updates ({@code … AND final_status = :was}), so two
 * instances or a double press change a row once.
 */
@Repository
class DealDocuments {

	/** Longest file name stored (Telegram allows longer); the rest is cut. */
	static final int MAX_NAME = 200;

	enum FinalStatus {
		NONE, PROPOSED, FINAL, SUPERSEDED
	}

	enum HashStatus {
		PENDING, HASHED, TOO_LARGE, UNAVAILABLE
	}

	record Document(long id, String dealKey, long chatId, long messageId, long senderId, String fileName, String nameKey,
			String fileId, String fileUniqueId, long fileSize, String sha256, HashStatus hashStatus, long seriesId,
			int version, Long duplicateOf, FinalStatus finalStatus, Long finalProposedBy, Long finalConfirmedBy,
			Instant postedAt) {

		DocumentVersioning.Posting posting() {
			return new DocumentVersioning.Posting(id, messageId, nameKey, fileUniqueId, sha256, seriesId, version, duplicateOf);
		}

		boolean isVersion() {
			return duplicateOf == null;
		}
	}

	private final JdbcClient jdbc;

	DealDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serializes the deal's writers on its room's row (as {@link DealEvents} does). */
	void lockDeal(String dealKey) {
		DealRooms.lock(jdbc, dealKey);
	}

	List<Document> ofDeal(String dealKey) {
		return jdbc.sql("SELECT * FROM deal_documents WHERE deal_key = :key ORDER BY id")
			.param("key", dealKey)
			.query(DealDocuments::map)
			.list();
	}

	Optional<Document> byId(long id) {
		return jdbc.sql("SELECT * FROM deal_documents WHERE id = :id").param("id", id).query(DealDocuments::map).optional();
	}

	Optional<Document> byMessage(long chatId, long messageId) {
		return jdbc.sql("SELECT * FROM deal_documents WHERE chat_id = :chat AND message_id = :message")
			.param("chat", chatId)
			.param("message", messageId)
			.query(DealDocuments::map)
			.optional();
	}

	/** A new posting; {@code seriesId} 0 makes it a series of its own. Empty when the message was recorded already. */
	Optional<Long> insert(String dealKey, long chatId, long messageId, long senderId, String fileName, String fileId,
			String fileUniqueId, long fileSize, long seriesId, int version, Long duplicateOf, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		String name = fileName.length() > MAX_NAME ? fileName.substring(0, MAX_NAME) : fileName;
		int inserted = jdbc.sql("""
				INSERT INTO deal_documents (deal_key, chat_id, message_id, sender_id, file_name, name_key, file_id,
				    file_unique_id, file_size, hash_status, series_id, version, duplicate_of, final_status, posted_at, updated_at)
				VALUES (:key, :chat, :message, :sender, :name, :nameKey, :fileId, :uniqueId, :size, 'PENDING', :series,
				    :version, :duplicateOf, 'NONE', :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("key", dealKey)
			.param("chat", chatId)
			.param("message", messageId)
			.param("sender", senderId)
			.param("name", name)
			.param("nameKey", DocumentVersioning.nameKey(fileName))
			.param("fileId", fileId)
			.param("uniqueId", fileUniqueId)
			.param("size", fileSize)
			.param("series", seriesId)
			.param("version", version)
			.param("duplicateOf", duplicateOf)
			.param("now", at(now))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		long id = keys.getKey().longValue();
		if (seriesId == 0) {
			jdbc.sql("UPDATE deal_documents SET series_id = id WHERE id = :id").param("id", id).update();
		}
		return Optional.of(id);
	}

	/** The content's hash; a repost (same bytes as an earlier version) stops being a version. */
	boolean hashed(long id, String sha256, Long duplicateOf, Instant now) {
		return jdbc.sql("""
				UPDATE deal_documents SET sha256 = :sha, hash_status = 'HASHED', duplicate_of = COALESCE(:dup, duplicate_of),
				    updated_at = :now
				WHERE id = :id AND hash_status = 'PENDING'""")
			.param("id", id)
			.param("sha", sha256)
			.param("dup", duplicateOf)
			.param("now", at(now))
			.update() == 1;
	}

	boolean notHashed(long id, HashStatus status, Instant now) {
		return jdbc.sql("UPDATE deal_documents SET hash_status = :status, updated_at = :now WHERE id = :id AND hash_status = 'PENDING'")
			.param("id", id)
			.param("status", status.name())
			.param("now", at(now))
			.update() == 1;
	}

	/** NONE (or SUPERSEDED) → PROPOSED; false when it was proposed or final already. */
	boolean proposeFinal(long id, long by, Instant now) {
		return jdbc.sql("""
				UPDATE deal_documents SET final_status = 'PROPOSED', final_proposed_by = :by, final_proposed_at = :now,
				    final_confirmed_by = NULL, final_confirmed_at = NULL, updated_at = :now
				WHERE id = :id AND final_status IN ('NONE', 'SUPERSEDED') AND duplicate_of IS NULL""")
			.param("id", id)
			.param("by", by)
			.param("now", at(now))
			.update() == 1;
	}

	/** PROPOSED → FINAL, and the document's earlier finals SUPERSEDED; false when it was not proposed (any more). */
	boolean confirmFinal(Document document, long by, Instant now) {
		int confirmed = jdbc.sql("""
				UPDATE deal_documents SET final_status = 'FINAL', final_confirmed_by = :by, final_confirmed_at = :now,
				    updated_at = :now
				WHERE id = :id AND final_status = 'PROPOSED'""")
			.param("id", document.id())
			.param("by", by)
			.param("now", at(now))
			.update();
		if (confirmed == 0) {
			return false;
		}
		jdbc.sql("""
				UPDATE deal_documents SET final_status = 'SUPERSEDED', updated_at = :now
				WHERE deal_key = :key AND series_id = :series AND id <> :id AND final_status = 'FINAL'""")
			.param("key", document.dealKey())
			.param("series", document.seriesId())
			.param("id", document.id())
			.param("now", at(now))
			.update();
		return true;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Document map(ResultSet rs, int n) throws SQLException {
		return new Document(rs.getLong("id"), rs.getString("deal_key"), rs.getLong("chat_id"), rs.getLong("message_id"),
				rs.getLong("sender_id"), rs.getString("file_name"), rs.getString("name_key"), rs.getString("file_id"),
				rs.getString("file_unique_id"), rs.getLong("file_size"), rs.getString("sha256"),
				HashStatus.valueOf(rs.getString("hash_status")), rs.getLong("series_id"), rs.getInt("version"),
				(Long) rs.getObject("duplicate_of", Long.class), FinalStatus.valueOf(rs.getString("final_status")),
				(Long) rs.getObject("final_proposed_by", Long.class), (Long) rs.getObject("final_confirmed_by", Long.class),
				rs.getObject("posted_at", OffsetDateTime.class).toInstant());
	}
}
