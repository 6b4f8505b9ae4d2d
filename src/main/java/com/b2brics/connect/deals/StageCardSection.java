package com.b2brics.connect.deals;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;

/**
 * The deal card's stage part: the current stage (the first not accepted; else the last) with its
 * deadline, price and status, how many others there are, and Ready for the supplier when the current
 * stage is confirmed (or changes were requested).
 */
@Component
class StageCardSection implements DealCardSection {

	private final Stages stages;
	private final StageTexts texts;

	StageCardSection(Stages stages, StageTexts texts) {
		this.stages = stages;
		this.texts = texts;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		List<Stage> all = stages.ofDeal(room.key());
		if (all.isEmpty()) {
			return texts.text(locale, "stages.card.empty");
		}
		Stage current = current(all);
		String html = texts.text(locale, "stages.card.section", current.number(), all.size(), Html.cut(current.terms().title(), 100),
				texts.money(locale, current.terms()), texts.date(locale, current.terms().deliveryDue()),
				texts.status(locale, current.status()));
		if (all.size() > 1) {
			long accepted = all.stream().filter(s -> s.status() == Stage.Status.ACCEPTED).count();
			html += "\n" + texts.text(locale, "stages.card.others", all.size() - 1, accepted);
		}
		return html;
	}

	@Override
	public List<InlineButton> buttons(DealRoom room, Locale locale) {
		List<Stage> all = stages.ofDeal(room.key());
		if (all.isEmpty()) {
			return List.of();
		}
		Stage current = current(all);
		if (current.status() != Stage.Status.CONFIRMED && current.status() != Stage.Status.CHANGES_REQUESTED) {
			return List.of();
		}
		return List.of(InlineButton.callback(texts.text(locale, "stages.button.ready", current.number()), StageFlow.READY,
				Long.toString(current.id())));
	}

	static Stage current(List<Stage> all) {
		return all.stream().filter(s -> s.status() != Stage.Status.ACCEPTED).findFirst().orElse(all.get(all.size() - 1));
	}
}
