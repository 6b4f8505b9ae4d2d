package com.b2brics.connect.telegram.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.TelegramChats.BotIdentity;
import com.pengrad.telegrambot.model.BotCommand;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SetMyCommands;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.GetMeResponse;

/**
 * Connects the bot once the web server runs: learns who the bot is, routes updates (webhook
 * with its secret, or long polling) and publishes the command menu. A method the server does not
 * support, or a server that does not answer yet, is logged and never stops the application: the
 * inbox and outbox keep their work until Telegram answers.
 */
@Component
class BotStartup {

	/** What the bot asks Telegram to deliver; chat_member must be asked for explicitly. */
	static final String[] ALLOWED_UPDATES = { "message", "edited_message", "callback_query", "chat_join_request",
			"my_chat_member", "chat_member" };

	private static final Logger log = LoggerFactory.getLogger(BotStartup.class);

	private final BotConnection connection;
	private final LongPolling polling;
	private final OutboxSender sender;
	private final List<BotCommandSpec> commands;
	private final MessageSource messages;

	BotStartup(BotConnection connection, LongPolling polling, OutboxSender sender, List<BotCommandSpec> commands,
			MessageSource messages) {
		this.connection = connection;
		this.polling = polling;
		this.sender = sender;
		this.commands = commands;
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	void connect() {
		BotClient client = connection.open();
		var endpoint = client.endpoint();
		sender.reclaimOwn();
		Thread identify = new Thread(() -> identify(client), "bot-identify");
		identify.setDaemon(true);
		identify.start();
		if (endpoint.usesWebhook()) {
			if (endpoint.webhookSecret() == null || endpoint.webhookSecret().isBlank()) {
				throw new IllegalStateException(
						"TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is: it is how forged updates are told apart");
			}
			ApiResult result = client.execute(new SetWebhook().url(endpoint.webhookUrl())
				.secretToken(endpoint.webhookSecret())
				.allowedUpdates(ALLOWED_UPDATES)
				.maxConnections(40));
			report("setWebhook", result);
		}
		else {
			report("deleteWebhook", client.execute(new DeleteWebhook()));
			polling.start(ALLOWED_UPDATES);
		}
		publishCommands(client);
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

	private void publishCommands(BotClient client) {
		// admin-only commands stay out of the menu every user sees; /help lists them to admins
		List<BotCommandSpec> sorted = new ArrayList<>(commands.stream().filter(spec -> spec.scope().isPublic()).toList());
		sorted.sort(Comparator.comparingInt(BotCommandSpec::order));
		for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
			BotCommand[] menu = sorted.stream()
				.map(spec -> new BotCommand(spec.command(), messages.getMessage(spec.descriptionKey(), null, locale)))
				.toArray(BotCommand[]::new);
			SetMyCommands request = new SetMyCommands(menu);
			if (!locale.equals(Locale.ENGLISH)) {
				request.languageCode(locale.getLanguage());
			}
			report("setMyCommands", client.execute(request));
		}
	}

	private void report(String method, ApiResult result) {
		if (result.ok()) {
			log.info("{}: ok", method);
		}
		else if (result.errorCode() == 404) {
			log.warn("The Bot API server does not support {}; the bot goes on without it", method);
		}
		else {
			log.warn("{} failed: {}; the bot goes on and retries its work as Telegram answers", method, result);
		}
	}
}
