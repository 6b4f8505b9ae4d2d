package com.b2brics.connect.telegram.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramChats.BotIdentity;
import com.b2brics.connect.telegram.TelegramProperties;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.GetMeResponse;

/**
 * Connects the bot once the web server runs: learns who the bot is, routes updates (webhook
 * with its secret, or long polling) and publishes the command menu. A server that does not answer
 * yet never stops the application: routing and the menu are tried again with a doubling pause
 * (1 s up to {@code b2brics.telegram.startup-max-backoff}, real time) until both are in place, and
 * until updates are routed {@link TelegramHealth} reports the bot DOWN with the reason. A method
 * the server does not support (404) counts as done.
 */
@Component
class BotStartup implements DisposableBean {

	/** What the bot asks Telegram to deliver; chat_member must be asked for explicitly. */
	static final String[] ALLOWED_UPDATES = { "message", "edited_message", "callback_query", "chat_join_request",
			"my_chat_member", "chat_member" };

	private static final Logger log = LoggerFactory.getLogger(BotStartup.class);

	/** Rounds in which a missing private chat of an admin still counts as a failed menu (about a minute with doubling pauses). */
	static final int ADMIN_MENU_ROUNDS = 6;

	private final BotConnection connection;
	private final LongPolling polling;
	private final OutboxSender sender;
	private final CommandMenus menus;
	private final Duration maxBackoff;
	private volatile Thread registration;

	BotStartup(BotConnection connection, LongPolling polling, OutboxSender sender, CommandMenus menus,
			TelegramProperties properties) {
		this.connection = connection;
		this.polling = polling;
		this.sender = sender;
		this.menus = menus;
		this.maxBackoff = properties.startupMaxBackoff();
	}

	@EventListener(ApplicationReadyEvent.class)
	void connect() {
		BotClient client = connection.open();
		var endpoint = client.endpoint();
		sender.reclaimOwn();
		Thread identify = new Thread(() -> identify(client), "bot-identify");
		identify.setDaemon(true);
		identify.start();
		if (endpoint.usesWebhook() && (endpoint.webhookSecret() == null || endpoint.webhookSecret().isBlank())) {
			throw new IllegalStateException(
					"TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is: it is how forged updates are told apart");
		}
		connection.notRouted(endpoint.usesWebhook() ? "webhook not registered yet" : "long polling not started yet");
		Thread thread = new Thread(() -> register(client), "bot-register");
		thread.setDaemon(true);
		registration = thread;
		thread.start();
	}

	/** Routing and the menu, each until it succeeds, with a doubling pause between rounds. */
	private void register(BotClient client) {
		boolean routed = false;
		boolean published = false;
		Duration pause = Duration.ofSeconds(1);
		for (int round = 1; !Thread.currentThread().isInterrupted(); round++) {
			try {
				routed = routed || route(client);
				published = published || publishCommands(client, round);
			}
			catch (RuntimeException e) {
				connection.notRouted(e.toString());
				log.warn("Connecting the bot failed: {}", e.toString());
			}
			if (routed && published) {
				if (round > 1) {
					log.info("The bot is connected after {} rounds", round);
				}
				return;
			}
			log.warn("The bot is not fully connected yet ({}{}); trying again in {} s", routed ? "" : "updates not routed",
					published ? "" : (routed ? "" : ", ") + "commands not published", pause.toSeconds());
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException e) {
				return;
			}
			pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
		}
	}

	/** Webhook with its secret, or long polling after deleting any webhook; true once updates can arrive. */
	private boolean route(BotClient client) {
		var endpoint = client.endpoint();
		if (endpoint.usesWebhook()) {
			ApiResult result = client.execute(new SetWebhook().url(endpoint.webhookUrl())
				.secretToken(endpoint.webhookSecret())
				.allowedUpdates(ALLOWED_UPDATES)
				.maxConnections(40));
			report("setWebhook", result);
			if (!result.ok()) {
				connection.notRouted("setWebhook failed: " + result);
				return false;
			}
			connection.routed("webhook " + endpoint.webhookUrl());
			return true;
		}
		ApiResult result = client.execute(new DeleteWebhook());
		report("deleteWebhook", result);
		if (!result.ok() && result.errorCode() != 404) {
			connection.notRouted("deleteWebhook failed: " + result);
			return false;
		}
		polling.start(ALLOWED_UPDATES);
		connection.routed("long polling");
		return true;
	}

	@Override
	public void destroy() {
		Thread thread = registration;
		if (thread != null) {
			thread.interrupt();
		}
	}

	/** getMe until it answers: the bot's username makes deep links and recognizes /cmd@bot. */
	private void identify(BotClient client) {
		for (int attempt = 1;; attempt++) {
			ApiResult result = client.execute(new GetMe());
			if (result.ok() && result.response() instanceof GetMeResponse me && me.user() != null) {
				connection.identified(new BotIdentity(me.user().id(), me.user().username()));
				connection.answered();
				log.info("Bot is @{} (id {})", me.user().username(), me.user().id());
				return;
			}
			connection.noAnswer(result.toString());
			log.warn("getMe failed (try {}): {}; trying again", attempt, result);
			try {
				Thread.sleep(Math.min(30_000, 500L * attempt));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Every menu ({@link CommandMenus}); true once each is published, or as soon as the server
	 * answers that it does not know setMyCommands (404: asking again is no use). An admin's own
	 * menu needs their private chat with the bot, which Telegram knows only once they pressed
	 * Start: it is asked for in the first rounds (the offline demo creates its admin just after
	 * start-up), then left out until the next start-up.
	 */
	private boolean publishCommands(BotClient client, int round) {
		boolean all = true;
		for (CommandMenus.Menu menu : menus.menus()) {
			ApiResult result = client.execute(menus.request(menu));
			report("setMyCommands " + menu.scopeName() + " " + menu.locale().getLanguage(), result);
			if (result.errorCode() == 404) {
				return true;
			}
			boolean noChatYet = menu.scopeName().startsWith("chat:") && result.errorCode() == 400
					&& String.valueOf(result.description()).contains("chat not found");
			if (noChatYet && round >= ADMIN_MENU_ROUNDS) {
				log.info("No private chat with {} yet: their admin menu waits for the next start-up", menu.scopeName());
				continue;
			}
			all &= result.ok();
		}
		return all;
	}

	private void report(String method, ApiResult result) {
		if (result.ok()) {
			log.info("{}: ok", method);
		}
		else if (result.errorCode() == 404) {
			log.warn("The Bot API server does not support {}; the bot goes on without it", method);
		}
		else {
			log.warn("{} failed: {}; tried again", method, result);
		}
	}
}
