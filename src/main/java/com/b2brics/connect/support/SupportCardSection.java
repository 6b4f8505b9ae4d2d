package com.b2brics.connect.support;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.deals.DealCardSection;
import com.b2brics.connect.deals.DealRoom;
import com.b2brics.connect.telegram.InlineButton;

/** The deal card's <b>Call support</b> button (no lines of its own): the presser calls support as with /support. */
@Component
class SupportCardSection implements DealCardSection {

	private final Texts texts;

	SupportCardSection(Texts texts) {
		this.texts = texts;
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
		return List.of(InlineButton.callback(texts.text(locale, "support.call.button"), SupportCall.CALL, ""));
	}
}
