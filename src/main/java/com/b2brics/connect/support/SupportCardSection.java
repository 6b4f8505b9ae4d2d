package com.b2brics.connect.support;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.deals.DealCardSection;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.deals.DealRooms;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.HelpButtons;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.TelegramUser;

/**
 * The <b>Call support</b> button (no lines of its own) on the deal card and under /help, in private
 * chat and in a deal's group: the presser calls support as with /support.
 */
@Component
class SupportCardSection implements DealCardSection, HelpButtons {

	private final Texts texts;
	private final DealRooms rooms;

	SupportCardSection(Texts texts, DealRooms rooms) {
		this.texts = texts;
		this.rooms = rooms;
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		return "";
	}

	@Override
	public List<InlineButton> buttons(DealRoom room, Locale locale) {
		return List.of(button(locale));
	}

	/** In private chat always; in a group only where it serves an open deal (elsewhere /support is refused). */
	@Override
	public List<InlineButton> helpButtons(ChatRef chat, TelegramUser user, Locale locale) {
		boolean applies = chat.isPrivate() || chat.isGroup() && rooms.serves(chat.id());
		return applies ? List.of(button(locale)) : List.of();
	}

	private InlineButton button(Locale locale) {
		return InlineButton.callback(texts.text(locale, "support.call.button"), SupportCall.CALL, "");
	}
}
