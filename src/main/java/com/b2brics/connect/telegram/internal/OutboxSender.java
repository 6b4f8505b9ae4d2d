package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.telegram.InviteLinkCreated;
import com.b2brics.connect.telegram.TelegramProperties;
import com.b2brics.connect.telegram.UserUnreachable;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pengrad.telegrambot.model.ChatInviteLink;
import com.pengrad.telegrambot.response.ChatInviteLinkResponse;
import com.pengrad.telegrambot.response.SendResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivers the outbox within Telegram's limits, as sliding windows (see
 * {@link TelegramProperties.Outbox}). Claiming happens in one short transaction that holds the
 * bot-wide budget row, so all instances share one token bucket, one pace per chat and one window
 * per group ({@code telegram_chat_sends}); a claimed row belongs to its instance until sent or
 * until the claim runs out. Within a chat the next message is not claimed before the previous one
 * is done, which makes the per-chat gap and the group's window count from the moment Telegram
 * answered; the order within a chat is first in, first out, except that an answer to a person's
 * action passes the notices queued before it ({@link com.b2brics.connect.telegram.Priority}).
 * <p>
 * Some calls have a result a later row needs (the URL of a new invite link): the sender records
 * it with SENT and publishes the continuation ({@link InviteLinkCreated}) in that transaction;
 * rows that carry the result's stand-in are claimed only after that, and sent with the result in
 * its place. If the awaited row fails for good, so do the rows waiting for it.
 */
@Component
class OutboxSender extends WorkerLoop {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
	/** Messages that may go in one burst; with the refill rate this bounds any one-second window. */
	private static final double BURST = 3;

	private final OutboxStore store;
	private final BotConnection connection;
	private final TransactionTemplate tx;
	private final OutboxSignal signal;
	private final ApplicationEventPublisher events;
	private final InstanceName instance;
	private final ResultPlaceholders placeholders;
	private final TelegramProperties.Outbox settings;
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicLong depth = new AtomicLong();
	/** System.nanoTime() before which this instance starts no further paced call. */
	private final AtomicLong nextPacedCall = new AtomicLong(System.nanoTime());
	private final Counter tooManyRequests;
	private final Counter failures;
	private final MeterRegistry meters;
	private final Timer callLatency;
	private final Timer deliveryDelay;
	private volatile long lastHousekeeping;

	OutboxSender(OutboxStore store, BotConnection connection, TransactionTemplate tx, OutboxSignal signal,
			ApplicationEventPublisher events, InstanceName instance, TelegramProperties properties, MeterRegistry meters,
			ResultPlaceholders placeholders) {
		super("outbox", signal);
		this.placeholders = placeholders;
		this.store = store;
		this.connection = connection;
		this.tx = tx;
		this.signal = signal;
		this.events = events;
		this.instance = instance;
		this.settings = properties.outbox();
		this.meters = meters;
		this.tooManyRequests = Counter.builder("telegram.outbox.429").description("429 answers from Telegram").register(meters);
		this.failures = Counter.builder("telegram.outbox.failed").description("Rows refused for good").register(meters);
		this.callLatency = Timer.builder("telegram.outbox.send.latency").description("Bot API call duration").publishPercentiles(0.5, 0.99).register(meters);
		this.deliveryDelay = Timer.builder("telegram.outbox.delivery.delay").description("Queued until Telegram accepted").publishPercentiles(0.5, 0.99).register(meters);
		Gauge.builder("telegram.outbox.depth", depth, AtomicLong::get).description("Rows waiting to be sent").register(meters);
	}

	@Override
	protected void loop() {
		while (running) {
			try {
				long wait = settings.pollInterval().toMillis();
				if (connection.isOpen()) {
					housekeeping();
					int free = settings.senders() - inFlight.get();
					if (free > 0) {
						Claim claim = tx.execute(status -> claim(free));
						for (OutboxStore.Row row : claim.rows()) {
							inFlight.incrementAndGet();
							workers.execute(() -> deliver(row));
						}
						if (claim.moreWaiting()) {
							wait = Math.max(5, 1000 / settings.perSecond());
						}
					}
				}
				signal.await(wait);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("Outbox claim failed, trying again: {}", e.toString());
				sleepQuietly(settings.pollInterval());
			}
		}
	}

	private record Claim(List<OutboxStore.Row> rows, boolean moreWaiting) {
	}

	private Claim claim(int free) {
		Instant now = Instant.now();
		OutboxStore.Budget budget = store.lockBudget();
		double elapsed = Math.max(0, Duration.between(budget.refilledAt(), now).toNanos() / 1e9);
		double tokens = Math.min(BURST, budget.tokens() + elapsed * settings.perSecond());
		boolean paused = budget.pausedUntil() != null && budget.pausedUntil().isAfter(now);
		int pacedAllowed = paused ? 0 : (int) Math.floor(tokens);
		OutboxStore.GroupWindow window = new OutboxStore.GroupWindow(now.minus(settings.groupWindow()), settings.groupLimit(),
				settings.answerReserve());
		List<OutboxStore.Row> candidates = store.candidates(now, pacedAllowed, free + 8, window);
		List<OutboxStore.Row> claimed = new ArrayList<>();
		java.util.Set<Long> pacedChats = new java.util.HashSet<>();
		int paced = 0;
		for (OutboxStore.Row row : candidates) {
			if (claimed.size() >= free) {
				break;
			}
			// one paced message per chat at a time: an answer and the notice it overtook are both candidates
			if (row.paced() && (paced >= pacedAllowed || pacedChats.contains(row.chatId()))) {
				continue;
			}
			if (store.claim(row.id(), instance.get(), now.plus(settings.claimFor()))) {
				claimed.add(row);
				if (row.paced()) {
					paced++;
					pacedChats.add(row.chatId());
					store.paceChat(row.chatId(), now.plus(settings.chatInterval()));
					if (row.chatId() < 0) {
						store.recordGroupSend(row.id(), row.attempts(), row.chatId(), now);
					}
				}
			}
		}
		store.saveBudget(tokens - paced, now);
		return new Claim(claimed, candidates.size() > claimed.size() || (pacedAllowed == 0 && !paused && tokens < 1));
	}

	private void deliver(OutboxStore.Row row) {
		MDC.put("tg", "outbox=" + row.id() + " chat=" + row.chatId());
		try {
			String filled = fillResults(row);
			if (filled == null) {
				return;
			}
			JsonObject params = JsonParser.parseString(filled).getAsJsonObject();
			if (row.refOutboxId() > 0 && !resolveReference(row, params)) {
				return;
			}
			if (row.paced()) {
				spaceFromPreviousCall();
			}
			long started = System.nanoTime();
			ApiResult result = connection.client().call(row.method(), params);
			callLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			if (result.noAnswer()) {
				connection.noAnswer(result.description());
			}
			else {
				connection.answered();
			}
			tx.executeWithoutResult(status -> record(row, result));
		}
		catch (RuntimeException e) {
			log.warn("Delivering outbox row {} failed: {}", row.id(), e.toString());
			try {
				tx.executeWithoutResult(status -> store.retryLater(row.id(), Instant.now().plus(backoff(row.attempts())), e.toString()));
			}
			catch (RuntimeException ignored) {
				// the claim runs out and the row goes back in line
			}
		}
		finally {
			MDC.remove("tg");
			inFlight.decrementAndGet();
			signal.wake();
		}
	}

	/**
	 * Starts paced calls at least 1/perSecond apart. The shared bucket bounds what is claimed in
	 * any second to perSecond + BURST (28 of Telegram's 30), but between the claim and the call
	 * lie a thread hand-off and a JSON parse: on a busy machine a few claimed rows got delayed and
	 * then reached Telegram together with the next ones (benchmark 2 saw 2 x 429 in 10,000 at load
	 * average ~25). Spacing at the call keeps that jitter from adding up; the average rate and the
	 * cross-instance budget are unchanged.
	 */
	private void spaceFromPreviousCall() {
		long gap = 1_000_000_000L / Math.max(1, settings.perSecond());
		while (true) {
			long now = System.nanoTime();
			long slot = nextPacedCall.get();
			long start = Math.max(now, slot);
			if (nextPacedCall.compareAndSet(slot, start + gap)) {
				if (start > now) {
					try {
						TimeUnit.NANOSECONDS.sleep(start - now);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
				return;
			}
		}
	}

	/**
	 * The row's parameters with the results it waits for in place of their stand-ins; null when it
	 * cannot go (yet: back in line; never: failed, like the row it waited for).
	 */
	private String fillResults(OutboxStore.Row row) {
		String params = row.params();
		for (OutboxStore.Awaited awaited : store.awaited(row.id())) {
			switch (awaited.status()) {
				case "SENT" -> {
					if (awaited.result() == null) {
						return failWith(row, "row " + awaited.id() + " it waits for was sent without a result");
					}
					params = placeholders.fill(params, awaited.id(), awaited.result());
				}
				case "PENDING", "SENDING" -> {
					tx.executeWithoutResult(s -> store.retryLater(row.id(), Instant.now().plusSeconds(1), "waiting for row " + awaited.id()));
					return null;
				}
				default -> {
					return failWith(row, "row " + awaited.id() + " it waits for is " + awaited.status() + ": " + awaited.lastError());
				}
			}
		}
		return params;
	}

	private String failWith(OutboxStore.Row row, String why) {
		failures.increment();
		tx.executeWithoutResult(s -> store.markFailed(row.id(), "FAILED", why));
		log.error("Outbox row {} ({} to chat {}) failed: {}", row.id(), row.method(), row.chatId(), why);
		return null;
	}

	/** Fills in Telegram's id of the message an edit refers to; false if it never will exist. */
	private boolean resolveReference(OutboxStore.Row row, JsonObject params) {
		var original = store.find(row.refOutboxId());
		String status = original.map(OutboxStore.Row::status).orElse("GONE");
		if ("SENT".equals(status) && original.get().telegramMessageId() != null) {
			params.addProperty("message_id", original.get().telegramMessageId());
			return true;
		}
		if ("PENDING".equals(status) || "SENDING".equals(status)) {
			tx.executeWithoutResult(s -> store.retryLater(row.id(), Instant.now().plusSeconds(1), "waiting for the original"));
			return false;
		}
		tx.executeWithoutResult(s -> store.markFailed(row.id(), "FAILED", "the message it refers to was not sent: " + status));
		return false;
	}

	private void record(OutboxStore.Row row, ApiResult result) {
		Instant now = Instant.now();
		if (result.ok() || result.notModified() || result.alreadyDone(row.method(), row.attempts() > 0)) {
			Long messageId = null;
			ChatInviteLink made = null;
			if (result.response() instanceof SendResponse send && send.message() != null) {
				messageId = send.message().messageId().longValue();
			}
			if (result.response() instanceof com.pengrad.telegrambot.response.MessageIdResponse copied && copied.messageId() != null) {
				messageId = copied.messageId().longValue();
			}
			if (result.response() instanceof ChatInviteLinkResponse answer && "createChatInviteLink".equals(row.method())) {
				made = answer.chatInviteLink();
			}
			store.markSent(row.id(), messageId, made == null ? null : made.inviteLink(), now);
			if (made != null) {
				// the continuation commits with the result, before any row carrying the link can be claimed
				events.publishEvent(new InviteLinkCreated(row.id(), row.chatId(), made.inviteLink(), made.name()));
			}
			if (row.paced()) {
				// the gap and the group's window count from Telegram's answer, never earlier than its arrival there
				store.paceChat(row.chatId(), now.plus(settings.chatInterval()));
				if (row.chatId() < 0) {
					store.recordGroupSend(row.id(), row.attempts(), row.chatId(), now);
				}
			}
			meters.counter("telegram.outbox.sent", "method", row.method()).increment();
			deliveryDelay.record(Duration.between(row.createdAt(), now));
		}
		else if (result.tooManyRequests()) {
			tooManyRequests.increment();
			int wait = Math.max(1, result.retryAfter());
			store.retryLater(row.id(), now.plusSeconds(wait), result.toString());
			store.forgetGroupSend(row.id(), row.attempts());
			if (row.chatId() != 0) {
				store.paceChat(row.chatId(), now.plusSeconds(wait));
			}
			log.info("Telegram asked to wait {} s (outbox row {})", wait, row.id());
		}
		else if (result.migrateTo() != 0) {
			store.forgetGroupSend(row.id(), row.attempts());
			int moved = store.moveChat(row.chatId(), result.migrateTo());
			store.retryLater(row.id(), now, result.toString());
			log.info("Chat {} became supergroup {}: {} queued rows moved", row.chatId(), result.migrateTo(), moved);
		}
		else if (result.userUnreachable() && row.chatId() > 0) {
			store.markFailed(row.id(), "UNREACHABLE", result.toString());
			int dropped = store.markChatUnreachable(row.chatId(), result.toString());
			log.info("User {} is unreachable ({}); {} more queued rows marked", row.chatId(), result.description(), dropped);
			events.publishEvent(new UserUnreachable(row.chatId(), result.description()));
		}
		else if (result.transientFailure()) {
			Duration backoff = backoff(row.attempts());
			store.retryLater(row.id(), now.plus(backoff), result.toString());
			if (row.paced()) {
				// a time-out may have delivered it after all: keep the chat's gap and its place in the window
				store.paceChat(row.chatId(), now.plus(settings.chatInterval()));
				if (row.chatId() < 0) {
					store.recordGroupSend(row.id(), row.attempts(), row.chatId(), now);
				}
			}
			log.info("Outbox row {} not delivered ({}), retrying in {} ms", row.id(), result, backoff.toMillis());
		}
		else {
			failures.increment();
			store.forgetGroupSend(row.id(), row.attempts());
			store.markFailed(row.id(), "FAILED", result.toString());
			log.error("Telegram refused outbox row {} ({} to chat {}): {}", row.id(), row.method(), row.chatId(), result);
		}
	}

	private Duration backoff(int attempts) {
		long base = 500L * (1L << Math.min(attempts, 12));
		long capped = Math.min(base, settings.maxBackoff().toMillis());
		return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(Math.max(1, capped / 4)));
	}

	private void housekeeping() {
		long now = System.currentTimeMillis();
		if (now - lastHousekeeping < 2000) {
			return;
		}
		lastHousekeeping = now;
		int released = store.releaseExpiredClaims(Instant.now());
		store.pruneGroupSends(Instant.now().minus(settings.groupWindow()).minusSeconds(60));
		if (released > 0) {
			log.warn("{} outbox rows whose claims ran out went back in line (their instance stopped mid-send)", released);
		}
		depth.set(store.backlog());
	}

	/** Called at start: rows this instance had claimed before a crash go back in line without waiting. */
	void reclaimOwn() {
		int released = store.releaseClaimsOf(instance.get());
		if (released > 0) {
			log.warn("{} outbox rows claimed before the last stop go back in line", released);
		}
		signal.wake();
	}

	@Override
	protected int workerCount() {
		return settings.senders();
	}
}
