package com.b2brics.connect.deals;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule that tells what a file posted in a deal's group is: the same file again (not a version),
 * the next version of a document recorded before, or a new document. Pure: it decides from the
 * deal's recorded postings alone.
 * <ol>
 * <li>The same Telegram file ({@code file_unique_id}) as a recorded version: a repost.</li>
 * <li>A reply to the message of a recorded file: the next version of that file's document,
 * whatever its name now.</li>
 * <li>The same file name as a version of a document (ignoring case): its next version (the
 * document whose latest posting has the name, when several had it).</li>
 * <li>Otherwise a new document, version 1.</li>
 * </ol>
 * After the posting's content is hashed, {@link #sameContent} finds an earlier version with the
 * same bytes: a repost too (a file uploaded anew gets a new {@code file_unique_id}).
 */
final class DocumentVersioning {

	private DocumentVersioning() {
	}

	/** One recorded posting, as the rule needs it. */
	record Posting(long id, long messageId, String nameKey, String fileUniqueId, String sha256, long seriesId, int version,
			Long duplicateOf) {

		boolean isVersion() {
			return duplicateOf == null;
		}
	}

	/** What a new posting is. */
	sealed interface Verdict {
	}

	/** The same file as an earlier version: recorded, but no version. */
	record Repost(Posting of) implements Verdict {
	}

	/** The next version of a document. */
	record NextVersion(long seriesId, int version) implements Verdict {
	}

	/** A document not seen before: version 1 of a series of its own. */
	record NewDocument() implements Verdict {
	}

	/** The key files are matched by: the name in lower case, cut to the stored length. */
	static String nameKey(String fileName) {
		String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
		return name.length() > DealDocuments.MAX_NAME ? name.substring(0, DealDocuments.MAX_NAME) : name;
	}

	static Verdict of(String fileName, String fileUniqueId, long replyToMessageId, List<Posting> recorded) {
		List<Posting> versions = recorded.stream().filter(Posting::isVersion).toList();
		Optional<Posting> same = versions.stream().filter(p -> p.fileUniqueId().equals(fileUniqueId)).findFirst();
		if (same.isPresent()) {
			return new Repost(same.get());
		}
		if (replyToMessageId != 0) {
			Optional<Posting> repliedTo = recorded.stream().filter(p -> p.messageId() == replyToMessageId).findFirst();
			if (repliedTo.isPresent()) {
				return next(repliedTo.get().seriesId(), versions);
			}
		}
		String key = nameKey(fileName);
		Optional<Posting> named = versions.stream()
			.filter(p -> p.nameKey().equals(key))
			.max(Comparator.comparingLong(Posting::id));
		if (named.isPresent() && !key.isEmpty()) {
			return next(named.get().seriesId(), versions);
		}
		return new NewDocument();
	}

	private static NextVersion next(long seriesId, List<Posting> versions) {
		int last = versions.stream().filter(p -> p.seriesId() == seriesId).mapToInt(Posting::version).max().orElse(0);
		return new NextVersion(seriesId, last + 1);
	}

	/** An earlier version with the same content as this posting (just hashed), if any. */
	static Optional<Posting> sameContent(Posting hashed, List<Posting> recorded) {
		if (hashed.sha256() == null) {
			return Optional.empty();
		}
		return recorded.stream()
			.filter(Posting::isVersion)
			.filter(p -> p.id() < hashed.id() && hashed.sha256().equals(p.sha256()))
			.findFirst();
	}
}
