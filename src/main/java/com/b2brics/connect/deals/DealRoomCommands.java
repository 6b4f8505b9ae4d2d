package com.b2brics.connect.deals;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;

/**
 * {@code /deal}: the deal card posted anew at the bottom of the group and pinned, for whoever lost
 * sight of it; anyone in the deal's group may ask (they were all let in by personal links).
 */
@Component
class DealRoomCommands {

	private final DealRooms rooms;
	private final DealCard card;
	private final Accounts accounts;
	private final Texts texts;
	private final Outbox outbox;

	DealRoomCommands(DealRooms rooms, DealCard card, Accounts accounts, Texts texts, Outbox outbox) {
		this.rooms = rooms;
		this.card = card;
		this.accounts = accounts;
		this.texts = texts;
		this.outbox = outbox;
	}

	@OnCommand(value = "deal", where = Where.DEAL_GROUP, help = "bot.command.deal", order = 40,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal")
	void on(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		var room = rooms.in(command.chat().id());
		if (room.isEmpty()) {
			outbox.send(OutgoingMessage.to(command.chat().id(), texts.text(locale, "deals.nodeal"))
				.replyTo(command.messageId())
				.priority(Priority.ANSWER));
			return;
		}
		card.repost(room.get());
	}
}
