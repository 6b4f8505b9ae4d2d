package com.b2brics.connect.partners;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;

/**
 * The partner's cabinet in the bot: {@code /cabinet} in the private chat shows a member of a
 * partner's team one message with the buttons other modules contribute ({@link CabinetEntry}).
 * Anyone else, or the command in a group, gets a clear answer.
 */
@Component
class Cabinet {

	static final String COMMAND = "cabinet";
	/** A button that shows the cabinet again, for entries that want a way back. */
	static final String ACTION = "cabinet";

	private final Catalog catalog;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Texts texts;
	private final ObjectProvider<CabinetEntry> entries;

	Cabinet(Catalog catalog, Accounts accounts, Outbox outbox, Texts texts, ObjectProvider<CabinetEntry> entries) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.outbox = outbox;
		this.texts = texts;
		this.entries = entries;
	}

	@OnCommand(value = COMMAND, where = Where.PRIVATE, help = "bot.command.cabinet", order = 5,
			wrongPlace = "partners.cabinet.private")
	void on(CommandReceived command) {
		show(command.user().id(), accounts.of(command.user()));
	}

	@OnButton(ACTION)
	void on(ButtonPressed pressed) {
		outbox.answerButton(pressed.callbackQueryId(), null, false);
		show(pressed.user().id(), accounts.of(pressed.user()));
	}

	private void show(long user, Locale locale) {
		// an exporter's team is a team in Telegram too, but the cabinet's figures and codes are a partner's
		Optional<Partner> partner = catalog.partnerOfTeamMember(user).filter(company -> !company.isExporter());
		if (partner.isEmpty()) {
			outbox.send(OutgoingMessage.to(user, texts.text(locale, "partners.cabinet.notpartner")));
			return;
		}
		List<InlineButton> buttons = entries.orderedStream()
			.sorted(Comparator.comparingInt(CabinetEntry::order))
			.flatMap(entry -> entry.button(partner.get(), user, locale).stream())
			.toList();
		String text = texts.text(locale, buttons.isEmpty() ? "partners.cabinet.empty" : "partners.cabinet.title",
				Html.escape(partner.get().companyName()));
		OutgoingMessage message = OutgoingMessage.to(user, text).priority(Priority.HIGH);
		outbox.send(buttons.isEmpty() ? message : message.with(Keyboard.column(buttons.toArray(InlineButton[]::new))));
	}

}
