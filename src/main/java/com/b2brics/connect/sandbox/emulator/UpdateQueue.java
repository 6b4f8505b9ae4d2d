package com.b2brics.connect.sandbox.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bot's pending updates, as Telegram keeps them: numbered with strictly increasing
 * {@code update_id}, filtered by {@code allowed_updates} when they arise, kept until confirmed
 * (by a later {@code getUpdates} offset or a 2xx webhook answer). Serves long polling without a
 * busy loop and hands deliverable updates to {@link WebhookDelivery}: in update order, one
 * update per chat in flight, at most {@code max_connections} at once.
 */
final class UpdateQueue {

	/** Telegram leaves these out unless the bot asks for them explicitly. */
	static final Set<String> NOT_BY_DEFAULT = Set.of("chat_member", "message_reaction", "message_reaction_count");

	/** A webhook as set with setWebhook. */
	record Webhook(String url, String secretToken, int maxConnections) {
	}

	/** One pending update and its delivery state. */
	static final class Pending {

		final long id;

		final String type;

		final long chatKey;

		final Map<String, Object> body;

		int attempts;

		long nextAttemptNanos;

		boolean inFlight;

		Pending(long id, String type, long chatKey, Map<String, Object> body) {
			this.id = id;
			this.type = type;
			this.chatKey = chatKey;
			this.body = body;
		}
	}

	private record Waiter(int limit, CompletableFuture<List<Map<String, Object>>> future, ScheduledFuture<?>[] timer) {
	}

	private final TreeMap<Long, Pending> pending = new TreeMap<>();

	private final SandboxStats stats;

	private final ScheduledExecutorService scheduler;

	private final LongSupplier epochSeconds;

	/*
	 * Starts from the clock, like Telegram never reusing an update_id: a sandbox started again
	 * against the same app database must not send ids the app has already stored (and would drop
	 * as duplicates). 20 per second of wall time; stays inside Telegram's 31-bit range.
	 */
	private long lastUpdateId = 500_000_000L + Numbering.sinceBase() * 20 % 1_300_000_000L;

	private List<String> allowedUpdates;

	private Webhook webhook;

	private Long lastErrorDate;

	private String lastErrorMessage;

	private Waiter waiter;

	/** The server is stopping: no getUpdates waits any more (see {@link #stopWaiting()}). */
	private boolean stopping;

	UpdateQueue(SandboxStats stats, ScheduledExecutorService scheduler, LongSupplier epochSeconds) {
		this.stats = stats;
		this.scheduler = scheduler;
		this.epochSeconds = epochSeconds;
	}

	/** Adds an update unless the bot's allowed_updates exclude its type; false when filtered out. */
	synchronized boolean add(String type, long chatKey, Map<String, Object> payload) {
		if (!allows(type)) {
			return false;
		}
		long id = ++lastUpdateId;
		pending.put(id, new Pending(id, type, chatKey, Json.obj("update_id", id, type, payload)));
		stats.update(type);
		if (waiter != null) {
			List<Map<String, Object>> ready = available(waiter.limit());
			Waiter done = waiter;
			waiter = null;
			done.timer()[0].cancel(false);
			done.future().complete(ready);
		}
		notifyAll();
		return true;
	}

	synchronized boolean allows(String type) {
		if (allowedUpdates == null || allowedUpdates.isEmpty()) {
			return !NOT_BY_DEFAULT.contains(type);
		}
		return allowedUpdates.contains(type);
	}

	/** getUpdates: confirms by offset, answers at once when updates wait, else waits up to the timeout. */
	synchronized CompletableFuture<List<Map<String, Object>>> poll(Long offset, int limit, int timeoutSeconds,
			List<String> allowed) {
		if (webhook != null) {
			throw TelegramError.conflict("conflict_webhook_active",
					"can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
		}
		if (allowed != null) {
			allowedUpdates = List.copyOf(allowed);
		}
		if (offset != null) {
			confirm(offset);
		}
		terminateWaiter("terminated by other getUpdates request; make sure that only one bot instance is running");
		List<Map<String, Object>> ready = available(limit);
		if (!ready.isEmpty() || timeoutSeconds <= 0 || stopping) {
			return CompletableFuture.completedFuture(ready);
		}
		CompletableFuture<List<Map<String, Object>>> future = new CompletableFuture<>();
		ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
		Waiter mine = new Waiter(limit, future, timer);
		waiter = mine;
		timer[0] = scheduler.schedule(() -> expire(mine), timeoutSeconds, TimeUnit.SECONDS);
		return future;
	}

	private synchronized void expire(Waiter expired) {
		if (waiter == expired) {
			waiter = null;
			expired.future().complete(List.of());
		}
	}

	private void terminateWaiter(String conflict) {
		if (waiter != null) {
			Waiter old = waiter;
			waiter = null;
			if (old.timer()[0] != null) {
				old.timer()[0].cancel(false);
			}
			old.future().completeExceptionally(TelegramError.conflict("conflict_polling", conflict));
		}
	}

	private void confirm(long offset) {
		if (offset < 0) {
			while (pending.size() > -offset) {
				pending.pollFirstEntry();
			}
		}
		else {
			pending.headMap(offset, false).clear();
		}
	}

	private List<Map<String, Object>> available(int limit) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Pending p : pending.values()) {
			if (result.size() >= limit) {
				break;
			}
			result.add(p.body);
		}
		return result;
	}

	synchronized void setWebhook(Webhook hook, List<String> allowed, boolean dropPending) {
		webhook = hook;
		if (allowed != null) {
			allowedUpdates = List.copyOf(allowed);
		}
		if (dropPending) {
			pending.clear();
		}
		lastErrorDate = null;
		lastErrorMessage = null;
		terminateWaiter("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
		notifyAll();
	}

	/** Removes the webhook; true if there was one. */
	synchronized boolean deleteWebhook(boolean dropPending) {
		boolean had = webhook != null;
		webhook = null;
		if (dropPending) {
			pending.clear();
		}
		for (Pending p : pending.values()) {
			p.inFlight = false;
			p.nextAttemptNanos = 0;
		}
		notifyAll();
		return had;
	}

	synchronized Webhook webhook() {
		return webhook;
	}

	synchronized Map<String, Object> webhookInfo() {
		return Json.obj("url", webhook == null ? "" : webhook.url(), "has_custom_certificate", false,
				"pending_update_count", pending.size(), "last_error_date", lastErrorDate, "last_error_message",
				lastErrorMessage, "max_connections", webhook == null ? null : webhook.maxConnections(),
				"allowed_updates", allowedUpdates == null || allowedUpdates.isEmpty() ? null : allowedUpdates);
	}

	synchronized int size() {
		return pending.size();
	}

	/** Forgets pending updates (the sandbox's reset); the webhook, allowed updates and numbering stay. */
	synchronized void clearPending() {
		pending.clear();
		lastErrorDate = null;
		lastErrorMessage = null;
		notifyAll();
	}

	/**
	 * Takes the updates that may go out now and marks them in flight: in update order, only the
	 * oldest pending update of each chat, none of a chat that has one in flight or waits for a
	 * retry, and no more than the webhook's max_connections in flight.
	 */
	synchronized List<Pending> takeDeliverable(long nowNanos) {
		List<Pending> taken = new ArrayList<>();
		if (webhook == null) {
			return taken;
		}
		int inFlight = (int) pending.values().stream().filter(p -> p.inFlight).count();
		Set<Long> busyChats = new HashSet<>();
		for (Pending p : pending.values()) {
			if (!busyChats.add(p.chatKey) || p.inFlight || p.nextAttemptNanos > nowNanos) {
				continue;
			}
			if (inFlight >= webhook.maxConnections()) {
				break;
			}
			p.inFlight = true;
			inFlight++;
			taken.add(p);
		}
		return taken;
	}

	/** Waits until something may have become deliverable, or the next retry is due. */
	synchronized void awaitWork(long nowNanos) throws InterruptedException {
		long next = Long.MAX_VALUE;
		if (webhook != null) {
			for (Pending p : pending.values()) {
				if (!p.inFlight && p.nextAttemptNanos > nowNanos) {
					next = Math.min(next, p.nextAttemptNanos);
				}
			}
		}
		long waitMs = next == Long.MAX_VALUE ? 1000 : Math.max(1, (next - nowNanos) / 1_000_000);
		wait(Math.min(waitMs, 1000));
	}

	synchronized void delivered(Pending p) {
		pending.remove(p.id);
		p.inFlight = false;
		notifyAll();
	}

	/** Puts an update back untouched (the webhook went away before it was sent). */
	synchronized void release(Pending p) {
		p.inFlight = false;
		notifyAll();
	}

	synchronized void failed(Pending p, String error, long backoffNanos) {
		p.inFlight = false;
		p.attempts++;
		p.nextAttemptNanos = System.nanoTime() + backoffNanos;
		lastErrorDate = epochSeconds.getAsLong();
		lastErrorMessage = error;
		notifyAll();
	}

	synchronized void wakeUp() {
		notifyAll();
	}

	/**
	 * The server is stopping: the long poll waiting now is answered as at its timeout (with what is
	 * ready, usually nothing), and polls from now on are answered at once. Otherwise a graceful
	 * shutdown waits for the open poll, up to the bot's whole timeout (25 s for this app's bot).
	 */
	synchronized void stopWaiting() {
		stopping = true;
		if (waiter != null) {
			Waiter done = waiter;
			waiter = null;
			if (done.timer()[0] != null) {
				done.timer()[0].cancel(false);
			}
			done.future().complete(available(done.limit()));
		}
	}

	synchronized void close() {
		terminateWaiter("terminated by other getUpdates request; make sure that only one bot instance is running");
		notifyAll();
	}
}
