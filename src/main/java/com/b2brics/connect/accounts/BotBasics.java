package com.b2brics.connect.accounts;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotRemovedFromChat;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramEvent;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserUnreachable;

/**
 * The bot's basics: /start greets in the user's language, /language switches it, /help lists
 * what the user can do, and an unknown command or stray text gets a short help. Runs inside the
 * transaction that handles the update, so each answer is queued exactly once.
 */
@Component
class BotBasics {

	static final String LANGUAGE_ACTION = "lang";

	private final Accounts accounts;
	private final BotUsers users;
	private final Outbox outbox;
	private final MessageSource messages;
	private final List<BotCommandSpec> commands;
	private final List<ExpectedText> expectedTexts;
	private final PlatformAdmins admins;
	private final Clock clock;

	BotBasics(Accounts accounts, BotUsers users, Outbox outbox, MessageSource messages, List<BotCommandSpec> commands,
			List<ExpectedText> expectedTexts, PlatformAdmins admins, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.outbox = outbox;
		this.messages = messages;
		this.commands = commands.stream().sorted(Comparator.comparingInt(BotCommandSpec::order)).toList();
		this.expectedTexts = List.copyOf(expectedTexts);
		this.admins = admins;
		this.clock = clock;
	}

	/** Runs first for every update: whoever acts is known (and reachable again) before anyone answers them. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void remember(TelegramEvent event) {
		if (event.user() != null && !event.user().isBot()) {
			accounts.seen(event.user());
		}
	}

	@EventListener
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		switch (command.command()) {
			case "start" -> {
				users.started(command.user().id(), clock.instant());
				// a Start with a payload (a Contact link, a partner's join_ code, an exporter's or a
				// partner's referral link) is answered by the module the payload belongs to
				boolean plainStart = command.args().isBlank();
				if (command.chat().isPrivate() && plainStart) {
					reply(command, text(locale, "bot.start.greeting", Html.escape(command.user().firstName())), null);
				}
			}
			case "help" -> reply(command, help(command, locale, "bot.help.header"), null);
			case "language" -> reply(command, text(locale, "bot.language.choose"),
					Keyboard.row(InlineButton.callback("Русский", LANGUAGE_ACTION, "ru").forUser(command.user().id()),
							InlineButton.callback("English", LANGUAGE_ACTION, "en").forUser(command.user().id())));
			default -> {
				if (known().contains(command.command())) {
					return;
				}
				reply(command, text(locale, "bot.unknown.command", Html.escape(abbreviate(command.command())))
						+ "\n\n" + help(command, locale, "bot.help.header"), null);
			}
		}
	}

	@EventListener
	void on(ButtonPressed pressed) {
		if (!LANGUAGE_ACTION.equals(pressed.action())) {
			return;
		}
		String language = "ru".equals(pressed.payload()) ? "ru" : "en";
		users.chooseLanguage(pressed.user().id(), language);
		Locale locale = Locale.forLanguageTag(language);
		String confirmation = text(locale, "bot.language.set");
		outbox.answerButton(pressed.callbackQueryId(), confirmation, false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()), confirmation, null, Priority.HIGH);
	}

	/**
	 * Free text in the private chat that no conversation expects: point to what works. Runs before
	 * the conversations' own listeners, so it sees the state they expect text in, not the state
	 * their answer leaves.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	void on(TextReceived text) {
		if (text.chat().isPrivate() && expectedTexts.stream().noneMatch(expected -> expected.expects(text))) {
			Locale locale = accounts.of(text.user());
			outbox.send(OutgoingMessage.to(text.chat().id(), text(locale, "bot.text.unexpected")));
		}
	}

	@EventListener
	void on(UserUnreachable unreachable) {
		users.unreachable(unreachable.userId(), clock.instant());
	}

	/** In a private chat this is the user blocking the bot. */
	@EventListener
	void on(BotRemovedFromChat removed) {
		if (removed.chat().isPrivate()) {
			users.unreachable(removed.chat().id(), clock.instant());
		}
	}

	private void reply(CommandReceived command, String html, Keyboard keyboard) {
		outbox.send(OutgoingMessage.to(command.chat().id(), html).with(keyboard).priority(Priority.ANSWER));
	}

	private String help(TelegramEvent event, Locale locale, String headerKey) {
		String lines = commands.stream()
			.filter(spec -> spec.scope().covers(event.chat()))
			.filter(spec -> spec.scope().isPublic() || (event.user() != null && admins.contains(event.user().id())))
			.map(spec -> "/" + spec.command() + " — " + messages.getMessage(spec.descriptionKey(), null, locale))
			.collect(Collectors.joining("\n"));
		return text(locale, headerKey) + "\n" + lines;
	}

	private Set<String> known() {
		return commands.stream().map(BotCommandSpec::command).collect(Collectors.toSet());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String abbreviate(String command) {
		return command.length() > 32 ? command.substring(0, 32) + "…" : command;
	}
}
