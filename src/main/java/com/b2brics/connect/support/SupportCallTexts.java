package com.b2brics.connect.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.b2brics.connect.core.Texts;
import com.b2brics.connect.support.SupportDrafts.Draft;
import com.b2brics.connect.support.SupportDrafts.Step;
import com.b2brics.connect.telegram.DealChats;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * What the /support conversation says and which buttons go with it, apart from the dialogue's steps
 * ({@link SupportCall}): the deal question, the description and facts questions with Done and
 * Cancel, the acknowledgements, each in the person's language.
 */
@Component
class SupportCallTexts {

	/** Most deals offered as buttons; the rest the person reaches from the deal's group. */
	static final int MAX_DEALS = 10;

	/** What a button's payload may hold (as {@link InlineButton} checks it). */
	private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_:-]{1,40}");

	private final SupportReplies replies;
	private final Texts texts;
	private final Outbox outbox;

	SupportCallTexts(SupportReplies replies, Texts texts, Outbox outbox) {
		this.replies = replies;
		this.texts = texts;
		this.outbox = outbox;
	}

	static boolean fitsPayload(String dealKey) {
		return dealKey != null && PAYLOAD.matcher(dealKey).matches();
	}

	String text(Locale locale, String key, Object... args) {
		return texts.text(locale, key, args);
	}

	/** Which deal: one button per deal (its one-line summary), and "No deal". */
	void chooseDeal(long chat, long user, Locale locale, List<DealChats.DealRef> deals) {
		List<List<InlineButton>> rows = new ArrayList<>();
		for (DealChats.DealRef deal : deals) {
			rows.add(List.of(InlineButton.callback(Html.cutPlain(deal.summary(), 60), SupportCall.DEAL, deal.key()).forUser(user)));
		}
		rows.add(List.of(InlineButton.callback(texts.text(locale, "support.call.button.nodeal"), SupportCall.NO_DEAL, "").forUser(user)));
		rows.add(List.of(cancel(locale, user)));
		String html = texts.text(locale, "support.call.choose", replies.name(user));
		if (deals.isEmpty()) {
			html += "\n\n" + texts.text(locale, "support.call.nodeals");
		}
		send(chat, 0, html, Keyboard.inline(rows));
	}

	/** The question of the draft's step, replying to the person's message when {@code replyTo} > 0. */
	void ask(Draft draft, long replyTo) {
		long user = draft.userId();
		Locale locale = replies.locale(user);
		if (draft.step() == Step.DESCRIPTION) {
			send(draft.chatId(), replyTo, texts.text(locale, "support.draft.describe", replies.name(user), Ticket.MAX_DESCRIPTION),
					Keyboard.column(cancel(locale, user)));
			return;
		}
		send(draft.chatId(), replyTo, texts.text(locale, "support.draft.facts", replies.name(user), Ticket.MAX_FACTS, Ticket.MAX_TEXT),
				doneOrCancel(locale, user));
	}

	/** A fact taken: how many the ticket holds, with Done. */
	void noted(Draft draft, long replyTo, int count) {
		Locale locale = replies.locale(draft.userId());
		send(draft.chatId(), replyTo, texts.text(locale, "support.draft.noted", count, Ticket.MAX_FACTS), doneOrCancel(locale, draft.userId()));
	}

	/** The ticket holds all the facts it can. */
	void full(Draft draft, long replyTo) {
		Locale locale = replies.locale(draft.userId());
		send(draft.chatId(), replyTo, texts.text(locale, "support.draft.full", Ticket.MAX_FACTS), doneOrCancel(locale, draft.userId()));
	}

	/** A question answered by a button: its buttons go, so that an old one is not pressed again. */
	void closeKeyboard(long chat, long messageId) {
		if (messageId > 0) {
			outbox.editKeyboard(chat, MessageRef.telegram(messageId), Keyboard.inline(List.of()));
		}
	}

	private Keyboard.Inline doneOrCancel(Locale locale, long user) {
		return Keyboard.row(InlineButton.callback(texts.text(locale, "support.draft.button.done"), SupportCall.DONE, "").forUser(user),
				cancel(locale, user));
	}

	private InlineButton cancel(Locale locale, long user) {
		return InlineButton.callback(texts.text(locale, "support.draft.button.cancel"), SupportCall.CANCEL, "").forUser(user);
	}

	private void send(long chat, long replyTo, String html, Keyboard keyboard) {
		OutgoingMessage message = OutgoingMessage.to(chat, html).with(keyboard).priority(Priority.ANSWER);
		outbox.send(replyTo > 0 ? message.replyTo(replyTo) : message);
	}
}
