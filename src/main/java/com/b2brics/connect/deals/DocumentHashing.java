package com.b2brics.connect.deals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramFiles;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The content hash of a recorded document (SHA-256 of its bytes), the identity that survives a
 * file uploaded anew. Reading a file from Telegram may take seconds (up to 20 MB), so it is not
 * done in the update's transaction: recording the file writes a durable db-scheduler task in the
 * same transaction ({@link #schedule}), which runs at once on one instance, reads the file outside
 * any transaction and stores the hash in a short one. A restart or a second instance runs it
 * once; Telegram not answering is retried with backoff ({@link #TRIES} times, then the row says
 * UNAVAILABLE). Files larger than Telegram lets a bot download are recorded without a hash
 * (TOO_LARGE). When the bytes equal an earlier version's, the posting is a repost, no version.
 */
@Component
class DocumentHashing {

	static final String TASK = "deal-document-hash";
	/** Tries when Telegram does not answer (backoff from 10 s doubling: about 40 minutes in all). */
	static final int TRIES = 8;

	private static final Logger log = LoggerFactory.getLogger(DocumentHashing.class);

	private final DealDocuments documents;
	private final DealEvents events;
	private final TelegramFiles files;
	private final SchedulerClient scheduler;
	private final TransactionTemplate transactions;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;
	private final Clock clock;

	DocumentHashing(DealDocuments documents, DealEvents events, TelegramFiles files, SchedulerClient scheduler,
			TransactionTemplate transactions, Accounts accounts, Texts texts, Outbox outbox, Clock clock) {
		this.documents = documents;
		this.events = events;
		this.files = files;
		this.scheduler = scheduler;
		this.transactions = transactions;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Writes the hashing task in the caller's transaction (db-scheduler joins it): it runs once the posting is committed. */
	void schedule(long documentId) {
		scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, Long.toString(documentId)), Instant.now());
	}

	/** What reading a file gave. */
	sealed interface Read {
	}

	record Hashed(String sha256) implements Read {
	}

	record TooLarge() implements Read {
	}

	record Gone() implements Read {
	}

	/**
	 * Reads and hashes the file unless its declared size is over the limit; Telegram's own refusals
	 * decide the rest.
	 *
	 * @throws TelegramChats.TelegramUnavailable to be tried again later
	 */
	static Read read(TelegramFiles files, String fileId, long declaredSize, long limit) {
		if (declaredSize > limit) {
			return new TooLarge();
		}
		try {
			return new Hashed(sha256(files.download(fileId, limit)));
		}
		catch (TelegramFiles.TooLarge e) {
			return new TooLarge();
		}
		catch (TelegramFiles.NotFound e) {
			return new Gone();
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The task's run: read outside a transaction, store in one. */
	void run(long documentId, int failuresSoFar) {
		Optional<DealDocuments.Document> found = documents.byId(documentId);
		if (found.isEmpty() || found.get().hashStatus() != DealDocuments.HashStatus.PENDING) {
			return;
		}
		DealDocuments.Document document = found.get();
		Read read;
		try {
			read = read(files, document.fileId(), document.fileSize(), TelegramFiles.TELEGRAM_LIMIT);
		}
		catch (TelegramChats.TelegramUnavailable e) {
			if (failuresSoFar + 1 < TRIES) {
				throw e;
			}
			log.warn("Document {} not hashed: Telegram did not give its file after {} tries ({})", documentId, TRIES, e.getMessage());
			documents.notHashed(documentId, DealDocuments.HashStatus.UNAVAILABLE, clock.instant());
			return;
		}
		transactions.executeWithoutResult(status -> store(document, read));
	}

	private void store(DealDocuments.Document document, Read read) {
		Instant now = clock.instant();
		if (!(read instanceof Hashed hashed)) {
			documents.notHashed(document.id(),
					read instanceof TooLarge ? DealDocuments.HashStatus.TOO_LARGE : DealDocuments.HashStatus.UNAVAILABLE, now);
			return;
		}
		DocumentVersioning.Posting posting = new DocumentVersioning.Posting(document.id(), document.messageId(),
				document.nameKey(), document.fileUniqueId(), hashed.sha256(), document.seriesId(), document.version(),
				document.duplicateOf());
		// a version proposed final already stays one: its hash is stored, and it counts as it is
		Optional<DocumentVersioning.Posting> same = document.finalStatus() == DealDocuments.FinalStatus.NONE
				? DocumentVersioning.sameContent(posting, documents.ofDeal(document.dealKey()).stream()
					.map(DealDocuments.Document::posting).toList())
				: Optional.empty();
		if (!documents.hashed(document.id(), hashed.sha256(), same.map(DocumentVersioning.Posting::id).orElse(null), now)) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("sha256", hashed.sha256());
		same.ifPresent(s -> payload.put("repost_of", s.id()));
		events.append(document.dealKey(), 0, DealEventType.DOCUMENT_HASHED, document.id(), payload, null);
		if (same.isPresent()) {
			DealDocuments.Document original = documents.byId(same.get().id()).orElseThrow();
			outbox.send(OutgoingMessage.to(document.chatId(), texts.text(accounts.localeOf(document.senderId()), "deals.docs.repost",
					Html.cut(original.fileName(), 100), original.version()))
				.replyTo(document.messageId())
				.priority(Priority.NORMAL));
		}
	}

	/** The task: one instance per document, named by its id. */
	@Configuration(proxyBeanMethods = false)
	static class Task {

		@Bean
		OneTimeTask<Void> dealDocumentHash(ObjectProvider<DocumentHashing> hashing) {
			return Tasks.oneTime(TASK)
				.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)))
				.execute((instance, context) -> hashing.getObject()
					.run(Long.parseLong(instance.getId()), context.getExecution().consecutiveFailures));
		}
	}
}
