package com.b2brics.connect.sandbox.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API front door at {@code /bot<token>/<method>}: checks the token, finds the method
 * (names are case-insensitive, as in Telegram), counts the call, lets the fault plan strike,
 * runs the method and turns the outcome into Telegram's JSON answer. Rule violations are
 * counted by kind; injected faults separately.
 */
public final class BotApi {

	private static final Logger log = LoggerFactory.getLogger(BotApi.class);

	/** A method registered under its canonical name. */
	private record Registered(String name, BotMethod method) {
	}

	private final Map<String, Registered> methods = new HashMap<>();

	private final BotIdentity bot;

	private final SandboxStats stats;

	private final Faults faults;

	private final ScheduledExecutorService scheduler;

	BotApi(TelegramWorld world, Faults faults, ScheduledExecutorService scheduler, SandboxSettings settings) {
		this.bot = world.bot;
		this.stats = world.stats;
		this.faults = faults;
		this.scheduler = scheduler;
		new UpdateMethods(world, settings).register(this::register);
		new MessageMethods(world, settings).register(this::register);
		new ChatMethods(world).register(this::register);
	}

	private void register(String name, BotMethod method) {
		methods.put(name.toLowerCase(), new Registered(name, method));
	}

	/** Answers one call; the future completes at once, after a long poll, or after an injected hang. */
	public CompletableFuture<ApiResponse> call(String token, String methodName, Params params) {
		if (!bot.token().equals(token)) {
			stats.violation("unauthorized", 401);
			return CompletableFuture.completedFuture(ApiResponse.error(401, "Unauthorized"));
		}
		Registered registered = methodName == null ? null : methods.get(methodName.toLowerCase());
		if (registered == null) {
			stats.violation("unknown_method", 404);
			return CompletableFuture.completedFuture(ApiResponse.error(404, "Not Found"));
		}
		stats.call(registered.name());
		Faults.Kind fault = faults.decide(registered.name());
		if (fault != Faults.Kind.NONE) {
			stats.fault(fault.statsKey());
		}
		Faults.Settings plan = faults.settings();
		switch (fault) {
			case TOO_MANY_REQUESTS:
				return CompletableFuture.completedFuture(ApiResponse.error(
						new TelegramError(429, "Too Many Requests: retry after " + plan.retryAfter(), null,
								Map.of("retry_after", plan.retryAfter()))));
			case INTERNAL_SERVER_ERROR:
				return CompletableFuture.completedFuture(ApiResponse.error(500, "Internal Server Error"));
			case BAD_GATEWAY:
				return CompletableFuture.completedFuture(ApiResponse.error(502, "Bad Gateway"));
			case TIMEOUT_BEFORE_EFFECT:
				return hang(plan.timeoutMs());
			case TIMEOUT_AFTER_EFFECT:
				execute(registered, params);
				return hang(plan.timeoutMs());
			default:
				return execute(registered, params);
		}
	}

	private CompletableFuture<ApiResponse> execute(Registered registered, Params params) {
		try {
			Object result = registered.method().invoke(params);
			if (result instanceof CompletableFuture<?> future) {
				return future.handle((value, failure) -> failure == null ? answer(value) : failed(failure));
			}
			return CompletableFuture.completedFuture(answer(result));
		}
		catch (RuntimeException e) {
			return CompletableFuture.completedFuture(failed(e));
		}
	}

	private static ApiResponse answer(Object result) {
		if (result instanceof ApiResponse response) {
			return response;
		}
		return ApiResponse.ok(result);
	}

	private ApiResponse failed(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof TelegramError error) {
			if (error.kind() != null) {
				stats.violation(error.kind(), error.code());
			}
			return ApiResponse.error(error);
		}
		log.error("Sandbox Bot API method failed", cause);
		return ApiResponse.error(500, "Internal Server Error");
	}

	/** The response hangs for the time-out, then the gateway gives up: the bot never learns the outcome. */
	private CompletableFuture<ApiResponse> hang(long millis) {
		CompletableFuture<ApiResponse> response = new CompletableFuture<>();
		scheduler.schedule(() -> response.complete(ApiResponse.error(504, "Gateway Timeout")), millis,
				TimeUnit.MILLISECONDS);
		return response;
	}
}
