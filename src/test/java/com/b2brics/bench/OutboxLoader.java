package com.b2brics.bench;

import java.util.Map;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * Queues an outbox backlog through the application's own {@link Outbox} API, exactly as a module
 * would: {@code perChat} messages to each of the given chats, round-robin over the chats (so the
 * backlog is interleaved like real traffic), in transactions of {@code batch} messages.
 */
@RestController
class OutboxLoader {

	private final Outbox outbox;
	private final TransactionTemplate tx;

	OutboxLoader(Outbox outbox, TransactionTemplate tx) {
		this.outbox = outbox;
		this.tx = tx;
	}

	@PostMapping("/bench/outbox/backlog")
	Map<String, Object> backlog(@RequestParam String chats, @RequestParam(defaultValue = "10") int perChat,
			@RequestParam(defaultValue = "500") int batch) {
		long[] ids = java.util.Arrays.stream(chats.split(",")).map(String::trim).filter(s -> !s.isEmpty())
			.mapToLong(Long::parseLong).toArray();
		int total = ids.length * perChat;
		long started = System.nanoTime();
		long first = -1;
		long last = -1;
		for (int from = 0; from < total; from += batch) {
			int start = from;
			int end = Math.min(total, from + batch);
			long[] range = tx.execute(status -> {
				long lo = -1;
				long hi = -1;
				for (int i = start; i < end; i++) {
					long chat = ids[i % ids.length];
					int n = i / ids.length + 1;
					long id = outbox.send(OutgoingMessage.to(chat, "Backlog message " + n + " of " + perChat
							+ " for you: a new request for quotation matches your catalogue."));
					if (lo < 0) {
						lo = id;
					}
					hi = id;
				}
				return new long[] { lo, hi };
			});
			if (first < 0) {
				first = range[0];
			}
			last = range[1];
		}
		return Map.of("queued", total, "firstId", first, "lastId", last, "millis",
				(System.nanoTime() - started) / 1_000_000);
	}

	@PostMapping("/bench/outbox/urgent")
	Map<String, Object> urgent(@RequestParam long chat) {
		long id = outbox.send(OutgoingMessage.to(chat, "Urgent: your partner answered.").priority(Priority.HIGH));
		return Map.of("id", id);
	}
}
