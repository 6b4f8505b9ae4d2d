package com.b2brics.connect.sandbox.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes pending updates to the bot's webhook like Telegram: a JSON POST with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header; a 2xx answer confirms the update, anything
 * else (or no connection) is retried with a doubling pause and recorded for getWebhookInfo.
 * One dispatcher thread picks the deliverable updates; workers POST them in parallel.
 */
final class WebhookDelivery implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final UpdateQueue queue;

	private final SandboxStats stats;

	private final Duration backoff;

	private final Duration maxBackoff;

	private final Duration timeout;

	private final ExecutorService workers;

	private final HttpClient http;

	private final Thread dispatcher;

	private volatile boolean running = true;

	WebhookDelivery(UpdateQueue queue, SandboxStats stats, Duration backoff, Duration maxBackoff, Duration timeout) {
		this.queue = queue;
		this.stats = stats;
		this.backoff = backoff;
		this.maxBackoff = maxBackoff;
		this.timeout = timeout;
		String instance = Integer.toHexString(System.identityHashCode(this));
		AtomicInteger workerNumber = new AtomicInteger();
		this.workers = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "sandbox-" + instance + "-webhook-" + workerNumber.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(workers).build();
		this.dispatcher = new Thread(this::dispatch, "sandbox-" + instance + "-webhook-dispatcher");
		this.dispatcher.setDaemon(true);
		this.dispatcher.start();
	}

	private void dispatch() {
		while (running) {
			try {
				List<UpdateQueue.Pending> batch = queue.takeDeliverable(System.nanoTime());
				if (batch.isEmpty()) {
					queue.awaitWork(System.nanoTime());
					continue;
				}
				UpdateQueue.Webhook target = queue.webhook();
				for (UpdateQueue.Pending update : batch) {
					workers.execute(() -> deliver(target, update));
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				if (running) {
					log.warn("Webhook dispatcher hiccup", e);
				}
			}
		}
	}

	private void deliver(UpdateQueue.Webhook target, UpdateQueue.Pending update) {
		if (target == null) {
			queue.failed(update, "Webhook was deleted", 0);
			return;
		}
		String error;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(update.body)));
			if (target.secretToken() != null && !target.secretToken().isEmpty()) {
				request.header("X-Telegram-Bot-Api-Secret-Token", target.secretToken());
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				stats.webhookDelivered();
				queue.delivered(update);
				return;
			}
			error = "Wrong response from the webhook: " + status + " " + reason(status);
		}
		catch (java.net.http.HttpTimeoutException e) {
			error = "Read timeout expired";
		}
		catch (java.net.ConnectException e) {
			error = "Connection refused";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "Connection aborted";
		}
		catch (Exception e) {
			error = "Connection error: " + e.getClass().getSimpleName();
		}
		stats.webhookFailed();
		queue.failed(update, error, backoffNanos(update.attempts + 1));
	}

	private long backoffNanos(int attempt) {
		long nanos = backoff.toNanos() << Math.min(attempt - 1, 20);
		return Math.min(nanos <= 0 ? maxBackoff.toNanos() : nanos, maxBackoff.toNanos());
	}

	private static String reason(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 409 -> "Conflict";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "";
		};
	}

	@Override
	public void close() {
		running = false;
		dispatcher.interrupt();
		queue.wakeUp();
		workers.shutdownNow();
	}
}
