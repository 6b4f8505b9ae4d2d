package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.utility.BotUtils;

/**
 * Long polling where no public URL exists. One instance polls at a time (a lease in the
 * database; Telegram allows one getUpdates caller). Each update is stored before the offset moves
 * past it, so a crash only makes Telegram hand it out again, and the inbox drops the duplicate.
 */
@Component
class LongPolling {

	private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
	private static final int TIMEOUT_SECONDS = 25;
	private static final Duration LEASE = Duration.ofSeconds(60);

	private final BotConnection connection;
	private final UpdateIngest ingest;
	private final JdbcClient jdbc;
	private final InstanceName instance;
	private volatile boolean running;
	private Thread thread;

	LongPolling(BotConnection connection, UpdateIngest ingest, JdbcClient jdbc, InstanceName instance) {
		this.connection = connection;
		this.ingest = ingest;
		this.jdbc = jdbc;
		this.instance = instance;
	}

	synchronized void start(String[] allowedUpdates) {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(() -> poll(allowedUpdates), "long-polling");
		thread.setDaemon(true);
		thread.start();
	}

	private void poll(String[] allowedUpdates) {
		int offset = 0;
		while (running) {
			try {
				if (!holdLease()) {
					Thread.sleep(5000);
					continue;
				}
				GetUpdates request = new GetUpdates().offset(offset).timeout(TIMEOUT_SECONDS).limit(100)
					.allowedUpdates(allowedUpdates);
				ApiResult result = connection.client().execute(request);
				if (!result.ok()) {
					connection.noAnswer(result.toString());
					log.warn("getUpdates failed: {}", result);
					Thread.sleep(result.retryAfter() > 0 ? result.retryAfter() * 1000L : 2000);
					continue;
				}
				connection.answered();
				for (Update update : ((GetUpdatesResponse) result.response()).updates()) {
					String json = BotUtils.toJson(update);
					try {
						ingest.store(UpdateIngest.parse(json), 30_000);
					}
					catch (UpdateIngest.MalformedUpdate e) {
						// stored it would be retried to death; skipped, polling moves on
						log.warn("Long polling skipped update {}: {}", update.updateId(), e.getMessage());
					}
					offset = update.updateId() + 1;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception e) {
				log.warn("Long polling: {}; retrying", e.toString());
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private boolean holdLease() {
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO telegram_lease (name, holder, expires_at) VALUES ('polling', :me, :until) ON CONFLICT DO NOTHING")
			.param("me", instance.get())
			.param("until", Db.ts(now.plus(LEASE)))
			.update();
		return jdbc.sql("UPDATE telegram_lease SET holder = :me, expires_at = :until "
				+ "WHERE name = 'polling' AND (holder = :me OR expires_at < :now)")
			.param("me", instance.get())
			.param("until", Db.ts(now.plus(LEASE)))
			.param("now", Db.ts(now))
			.update() == 1;
	}

	synchronized void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}
}
