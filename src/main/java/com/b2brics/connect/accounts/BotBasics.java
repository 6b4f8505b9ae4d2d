package com.b2brics.connect.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.BotCommands;
import com.b2brics.connect.telegram.BotRemovedFromChat;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CancellableConversation;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramEvent;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.UserUnreachable;
import com.b2brics.connect.telegram.Where;

/**
 * The bot's basics: /start greets in the user's language, /language switches it, /help lists
 * what the user can do (an unknown command or stray text is answered by the router). Runs inside the
 * transaction that handles the update, so each answer is queued exactly once.
 */
@Component
class BotBasics {

	static final String LANGUAGE_ACTION = "lang";

	private final Accounts accounts;
	private final BotUsers users;
	private final Outbox outbox;
	private final Texts texts;
	private final BotCommands commands;
	private final Clock clock;
	private final org.springframework.beans.factory.ObjectProvider<CancellableConversation> conversations;
	private final org.springframework.beans.factory.ObjectProvider<com.b2brics.connect.telegram.HelpButtons> helpButtons;

	BotBasics(Accounts accounts, BotUsers users, Outbox outbox, Texts texts, BotCommands commands, Clock clock,
			org.springframework.beans.factory.ObjectProvider<CancellableConversation> conversations,
			org.springframework.beans.factory.ObjectProvider<com.b2brics.connect.telegram.HelpButtons> helpButtons) {
		this.helpButtons = helpButtons;
		this.conversations = conversations;
		this.accounts = accounts;
		this.users = users;
		this.outbox = outbox;
		this.texts = texts;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * Runs first for every update, before it is routed: whoever acts is known (and reachable
	 * again) before anyone answers them, and every Start counts, in any chat and with any payload
	 * (a Contact link, a join_ code, a referral link: the payload's owner answers it).
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void remember(TelegramEvent event) {
		if (event.user() != null && !event.user().isBot()) {
			accounts.seen(event.user());
			if (event instanceof CommandReceived command && "start".equals(command.command())) {
				users.started(command.user().id(), clock.instant());
			}
		}
	}

	@OnCommand(value = "start", where = Where.PRIVATE, help = "bot.command.start", order = 0)
	void start(CommandReceived command) {
		if (command.args().isBlank()) {
			reply(command, texts.text(accounts.of(command.user()), "bot.start.greeting", Html.escape(command.user().firstName())), null);
		}
	}

	@OnCommand(value = "help", help = "bot.command.help", order = 1)
	void help(CommandReceived command) {
		java.util.Locale locale = accounts.of(command.user());
		List<InlineButton> buttons = helpButtons.orderedStream()
			.flatMap(module -> module.helpButtons(command.chat(), command.user(), locale).stream())
			.toList();
		reply(command, commands.help(command.chat(), command.user(), locale),
				buttons.isEmpty() ? null : Keyboard.column(buttons.toArray(InlineButton[]::new)));
	}

	@OnCommand(value = "language", help = "bot.command.language", order = 2)
	void language(CommandReceived command) {
		reply(command, texts.text(accounts.of(command.user()), "bot.language.choose"), languages(command.user().id()));
	}

	/** /cancel ends whatever conversation the person has open in this chat (a registration, a call to support …). */
	@OnCommand(value = "cancel", help = "bot.command.cancel", order = 4)
	void cancel(CommandReceived command) {
		boolean cancelled = false;
		for (CancellableConversation conversation : conversations.orderedStream().toList()) {
			cancelled |= conversation.cancel(command);
		}
		if (!cancelled) {
			reply(command, texts.text(accounts.of(command.user()), "exporters.cancel.nothing"), null);
		}
	}

	/** Every supported language under its own name, two to a row. */
	private static Keyboard languages(long user) {
		List<List<InlineButton>> rows = new ArrayList<>();
		for (int i = 0; i < UserLanguage.SUPPORTED.size(); i += 2) {
			rows.add(UserLanguage.SUPPORTED.subList(i, Math.min(i + 2, UserLanguage.SUPPORTED.size()))
				.stream()
				.map(locale -> InlineButton.callback(UserLanguage.nativeName(locale), LANGUAGE_ACTION, locale.getLanguage())
					.forUser(user))
				.toList());
		}
		return new Keyboard.Inline(rows);
	}

	@OnButton(LANGUAGE_ACTION)
	void on(ButtonPressed pressed) {
		Locale locale = UserLanguage.fromLanguageCode(pressed.payload());
		users.chooseLanguage(pressed.user().id(), locale.getLanguage());
		String confirmation = texts.text(locale, "bot.language.set");
		outbox.answerButton(pressed.callbackQueryId(), confirmation, false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()), confirmation, null, Priority.HIGH);
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

}
