package com.b2brics.connect.sandbox.emulator;


import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.b2brics.connect.sandbox.SandboxProperties;

/**
 * One emulated Telegram with one bot: the Bot API, the simulated people, fault injection and
 * statistics. Everything lives in this object, so two sandboxes in one JVM are independent.
 */
public final class Sandbox implements AutoCloseable {

	private final TelegramWorld world;

	private final SandboxStats stats = new SandboxStats();

	private final Faults faults;

	private final UpdateQueue updates;

	private final WebhookDelivery delivery;

	private final ScheduledExecutorService scheduler;

	private final BotApi botApi;

	private final People people;

	public Sandbox(SandboxProperties properties, Clock clock) {
		BotIdentity bot = BotIdentity.of(properties.botToken(), properties.botUsername(), properties.botFirstName());
		String name = "sandbox-" + Integer.toHexString(System.identityHashCode(this)) + "-timer";
		this.scheduler = Executors.newScheduledThreadPool(2, r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
		this.updates = new UpdateQueue(stats, scheduler, () -> clock.instant().getEpochSecond());
		this.world = new TelegramWorld(bot, clock, stats, updates,
				new RateLimits(properties.groupRateWindow() == null ? Duration.ofMinutes(1) : properties.groupRateWindow()));
		this.faults = new Faults(properties.timeoutMs());
		SandboxSettings settings = new SandboxSettings(properties.webhookMaxConnections(),
				properties.callbackQueryTimeout(), properties.callbackAnswerWait(),
				properties.unsupportedMethods() == null ? java.util.Set.of()
						: properties.unsupportedMethods().stream().filter(m -> !m.isBlank())
							.map(m -> m.trim().toLowerCase()).collect(java.util.stream.Collectors.toSet()));
		this.botApi = new BotApi(world, faults, scheduler, settings);
		this.people = new People(world, settings);
		this.delivery = new WebhookDelivery(updates, stats, properties.deliveryRetryBackoff(),
				properties.deliveryRetryMaxBackoff(), properties.webhookTimeout());
	}

	public BotIdentity bot() {
		return world.bot;
	}

	public BotApi botApi() {
		return botApi;
	}

	public People people() {
		return people;
	}

	public Map<String, Object> stats() {
		return stats.toJson(updates.size());
	}

	/** Sets the fault plan; absent rates are 0, an absent seed is drawn at random and reported back. */
	public Map<String, Object> faults(Map<String, Object> body) {
		double rate429 = rate(body, "rate_429");
		double rate5xx = rate(body, "rate_5xx");
		double rateTimeout = rate(body, "rate_timeout");
		if (rate429 + rate5xx + rateTimeout > 1.0) {
			throw ControlError.badInput("rate_429 + rate_5xx + rate_timeout must not exceed 1");
		}
		long seed = body.get("seed") == null ? System.nanoTime() : number(body, "seed").longValue();
		long timeoutMs = body.get("timeout_ms") == null ? faults.defaultTimeoutMs() : number(body, "timeout_ms").longValue();
		long retryAfter = body.get("retry_after") == null ? 1 : number(body, "retry_after").longValue();
		long durationMs = body.get("duration_ms") == null ? 0 : number(body, "duration_ms").longValue();
		if (timeoutMs < 0 || retryAfter < 1 || durationMs < 0) {
			throw ControlError.badInput("timeout_ms and duration_ms must be >= 0 and retry_after >= 1");
		}
		faults.configure(new Faults.Settings(rate429, rate5xx, rateTimeout, seed, timeoutMs, retryAfter, durationMs));
		return faults();
	}

	public Map<String, Object> faults() {
		Faults.Settings s = faults.settings();
		return Json.obj("rate_429", s.rate429(), "rate_5xx", s.rate5xx(), "rate_timeout", s.rateTimeout(), "seed",
				s.seed(), "timeout_ms", s.timeoutMs(), "retry_after", s.retryAfter(), "duration_ms", s.durationMs(),
				"ends_in_ms", faults.endsInMs(), "exempt_methods", Faults.EXEMPT.stream().sorted().toList());
	}

	private static double rate(Map<String, Object> body, String key) {
		if (body.get(key) == null) {
			return 0;
		}
		double rate = number(body, key).doubleValue();
		if (rate < 0 || rate > 1) {
			throw ControlError.badInput(key + " must be between 0 and 1");
		}
		return rate;
	}

	private static Number number(Map<String, Object> body, String key) {
		Object value = body.get(key);
		if (value instanceof Number n) {
			return n;
		}
		try {
			return Double.parseDouble(String.valueOf(value));
		}
		catch (NumberFormatException e) {
			throw ControlError.badInput(key + " must be a number");
		}
	}

	/** The bot's view of its updates: webhook info plus pending count (for the web client). */
	public Map<String, Object> webhookInfo() {
		return updates.webhookInfo();
	}

	/**
	 * Clears users, chats, messages, pending updates, stats and faults. The bot, its webhook or
	 * polling setting and the id numbering stay, because the app keeps running against it.
	 */
	public void reset() {
		world.locked(() -> {
			world.clear();
			updates.clearPending();
			return null;
		});
		stats.reset();
		faults.reset();
	}

	/** A file as served at {@code /file/bot<token>/<file_path>}. */
	public record Download(String fileName, String mimeType, byte[] content) {
	}

	public Optional<Download> download(String token, String filePath) {
		if (!world.bot.token().equals(token)) {
			return Optional.empty();
		}
		return world.locked(() -> Optional.ofNullable(world.filesByPath.get(filePath))
			.map(f -> new Download(f.fileName(), f.mimeType(), f.content())));
	}

	/**
	 * The server is about to stop: a bot's open long poll is answered now rather than holding a
	 * graceful shutdown for its whole timeout; the rest stops in {@link #close()}.
	 */
	public void stopping() {
		updates.stopWaiting();
	}

	@Override
	public void close() {
		delivery.close();
		updates.close();
		scheduler.shutdownNow();
	}
}
