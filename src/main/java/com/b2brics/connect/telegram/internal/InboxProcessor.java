package com.b2brics.connect.telegram.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.telegram.TelegramEvent;
import com.b2brics.connect.telegram.TelegramProperties;
import com.b2brics.connect.telegram.UserLanguage;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.utility.BotUtils;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Handles stored updates: each in one transaction that publishes its typed events to the
 * modules' listeners and marks it handled, so the effects and the mark commit together. Chats
 * are handled in parallel, the updates of one chat strictly in update_id order, across instances
 * too (a chat's next update is not due while an earlier one is pending). Each try is claimed with
 * a lease first (see {@link #handle}), so two instances never handle one update at once. A failure
 * is retried with doubling backoff and, after the last try, lands in the dead-letter list.
 */
@Component
class InboxProcessor extends WorkerLoop {

	private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

	private final InboxStore store;
	private final UpdateTranslator translator;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final InboxSignal signal;
	private final DurableOutbox outbox;
	private final MessageSource messages;
	private final ObjectProvider<UserLanguage> languages;
	private final InstanceName instance;
	private final UpdateRouter router;
	private final BotConnection connection;
	private final TelegramProperties.Inbox settings;
	private final Set<Long> busyChats = ConcurrentHashMap.newKeySet();
	private final Counter handled;
	private final Counter failed;
	private final Counter dead;

	InboxProcessor(InboxStore store, UpdateTranslator translator, ApplicationEventPublisher events, TransactionTemplate tx,
			InboxSignal signal, DurableOutbox outbox, MessageSource messages, ObjectProvider<UserLanguage> languages,
			InstanceName instance, BotConnection connection, TelegramProperties properties, MeterRegistry meters,
			UpdateRouter router) {
		super("inbox", signal);
		this.router = router;
		this.connection = connection;
		this.store = store;
		this.translator = translator;
		this.events = events;
		this.tx = tx;
		this.signal = signal;
		this.outbox = outbox;
		this.messages = messages;
		this.languages = languages;
		this.instance = instance;
		this.settings = properties.inbox();
		this.handled = Counter.builder("telegram.updates.handled").register(meters);
		this.failed = Counter.builder("telegram.updates.failed").description("Failed tries (each retried)").register(meters);
		this.dead = Counter.builder("telegram.updates.dead").description("Updates moved to the dead-letter list").register(meters);
	}

	@Override
	protected void loop() {
		while (running) {
			try {
				int free = settings.workers() - busyChats.size();
				// handling needs the bot's identity and signing key: wait until the connection is open
				if (free > 0 && connection.isOpen()) {
					List<Long> chats = store.chatsWithDueHead(Instant.now(), settings.workers() * 4);
					for (Long chat : chats) {
						if (busyChats.size() >= settings.workers()) {
							break;
						}
						if (busyChats.add(chat)) {
							workers.execute(() -> drain(chat));
						}
					}
				}
				signal.await(settings.pollInterval().toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("Inbox dispatch failed, trying again: {}", e.toString());
				sleepQuietly(settings.pollInterval());
			}
		}
	}

	/** Handles the chat's due updates in order; stops at the first failure so the order holds. */
	private void drain(long chatId) {
		try {
			while (running) {
				var next = store.dueHead(chatId, Instant.now());
				if (next.isEmpty() || !handle(next.get())) {
					return;
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Inbox worker for chat {} failed: {}", chatId, e.toString());
		}
		finally {
			busyChats.remove(chatId);
			signal.wake();
		}
	}

	/**
	 * One try at one update; true if it is now handled. The try is claimed first, in a transaction
	 * of its own (lease and try count committed), then handled in another, and a failure recorded in
	 * a third: the handler's rollback never makes the update look free to another instance, and
	 * every try is counted once. False also when another instance holds the update: this chat
	 * waits for it.
	 */
	boolean handle(long updateId) {
		MDC.put("tg", "update=" + updateId);
		try {
			Instant now = Instant.now();
			boolean claimed = Boolean.TRUE.equals(tx.execute(
					status -> store.claim(updateId, instance.get(), now, now.plus(settings.lease()), settings.maxAttempts())));
			if (!claimed) {
				return false;
			}
			try {
				Boolean done = tx.execute(status -> {
					var row = store.lockHeld(updateId, instance.get());
					if (row.isEmpty()) {
						return Boolean.FALSE;
					}
					MDC.put("tg", "update=" + updateId + " chat=" + row.get().chatId());
					Update update = BotUtils.parseUpdate(row.get().payload());
					dispatch(update);
					if (!store.markDone(updateId, instance.get(), Instant.now())) {
						throw new IllegalStateException("the lease on update " + updateId + " was lost while it was handled");
					}
					return Boolean.TRUE;
				});
				if (Boolean.TRUE.equals(done)) {
					handled.increment();
					return true;
				}
				return false;
			}
			catch (RuntimeException e) {
				failed.increment();
				recordFailure(updateId, e);
				return false;
			}
		}
		finally {
			MDC.remove("tg");
		}
	}

	private void dispatch(Update update) {
		var translation = translator.translate(update);
		if (translation.rejectedQuery() != null) {
			var query = translation.rejectedQuery();
			var presser = UpdateTranslator.user(query.from());
			Locale locale = languages.getIfAvailable(() -> user -> UserLanguage.fromLanguageCode(user.languageCode()))
				.of(presser);
			String key = switch (translation.rejection()) {
				case EXPIRED -> "telegram.button.expired";
				case FOREIGN -> "telegram.button.foreign";
				default -> "telegram.button.invalid";
			};
			log.info("Button press refused ({}) from user {}", translation.rejection(), query.from().id());
			outbox.answerButton(query.id(), messages.getMessage(key, null, locale), true);
			return;
		}
		ButtonAnswers.begin();
		try {
			// every event to the listeners (who acts is remembered first); commands, buttons, texts
			// and contacts then to the module that declared them, alone
			for (TelegramEvent event : translation.events()) {
				events.publishEvent(event);
				if (UpdateRouter.routed(event)) {
					router.route(event);
				}
			}
			for (TelegramEvent event : translation.events()) {
				if (event instanceof com.b2brics.connect.telegram.ButtonPressed pressed
						&& !ButtonAnswers.answered(pressed.callbackQueryId())) {
					outbox.answerButton(pressed.callbackQueryId(), "", false);
				}
			}
		}
		finally {
			ButtonAnswers.end();
		}
	}

	/** Releases the held update with its next try time (doubling with each try), or to the dead-letter list after the last. */
	private void recordFailure(long updateId, RuntimeException e) {
		try {
			var row = store.find(updateId);
			int attempts = row.map(InboxStore.StoredUpdate::attempts).orElse(1);
			long backoff = settings.firstBackoff().toMillis() * (1L << Math.min(Math.max(attempts - 1, 0), 16));
			long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, backoff / 5));
			String error = e.getClass().getSimpleName() + ": " + e.getMessage();
			String status = tx.execute(s -> store.markFailed(updateId, instance.get(), settings.maxAttempts(),
					Instant.now().plusMillis(backoff + jitter), error));
			if ("DEAD".equals(status)) {
				dead.increment();
				log.error("Update {} of chat {} failed {} times and went to the dead-letter list: {}", updateId,
						row.map(InboxStore.StoredUpdate::chatId).orElse(0L), attempts, error, e);
			}
			else if ("GONE".equals(status)) {
				log.warn("Update {} failed (try {}) after its lease ran out; another instance has it: {}", updateId, attempts,
						error);
			}
			else {
				log.warn("Update {} failed (try {}), retrying in {} ms: {}", updateId, attempts, backoff + jitter, error);
			}
		}
		catch (RuntimeException again) {
			// the lease runs out and the update is tried again: nothing is lost
			log.error("Could not record the failure of update {}: {}", updateId, again.toString());
		}
	}

	@Override
	protected int workerCount() {
		return settings.workers();
	}
}
