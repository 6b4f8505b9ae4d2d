package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * Every change of a stage, in the caller's transaction: under the deal's room lock the stage is read,
 * the change decided by {@link Stage} (wrong state, side or version: refused, nothing changes), stored
 * with a conditional update, logged as one deal event with its facts, the deal card refreshed and the
 * group told. A repeated press or redelivered update (its idempotency key seen) changes nothing.
 */
@Service
class StageFlow {

	static final String CONFIRM = "stg_ok";
	static final String READY = "stg_rdy";
	static final String ACCEPT = "stg_acc";
	static final String CHANGES = "stg_chg";

	enum Outcome {
		DONE, DUPLICATE, UNKNOWN, WRONG_SIDE, WRONG_STATE, OLD_VERSION
	}

	record Result(Outcome outcome, Stage stage) {

		boolean done() {
			return outcome == Outcome.DONE;
		}
	}

	private final Stages stages;
	private final DealEvents events;
	private final DealCard card;
	private final StageTexts texts;
	private final GroupTexts groupTexts;
	private final Outbox outbox;
	private final DealsProperties properties;
	private final Clock clock;

	StageFlow(Stages stages, DealEvents events, DealCard card, StageTexts texts, GroupTexts groupTexts, Outbox outbox,
			DealsProperties properties, Clock clock) {
		this.stages = stages;
		this.events = events;
		this.card = card;
		this.texts = texts;
		this.groupTexts = groupTexts;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/** The supplier proposes a stage: stored as the deal's next, its card posted with Confirm. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result propose(DealRoom room, long by, Stage.Terms terms, String idempotencyKey, long replyTo) {
		stages.lockRoom(room.key());
		if (stages.seen(idempotencyKey)) {
			return new Result(Outcome.DUPLICATE, null);
		}
		if (Stage.Side.of(room, by) != Stage.Side.SUPPLIER) {
			return new Result(Outcome.WRONG_SIDE, null);
		}
		Stage stage = stages.create(Stage.proposed(room.key(), terms, by), clock.instant());
		events.append(room.key(), by, DealEventType.STAGE_PROPOSED, stage.id(), facts(stage, Map.of("title", terms.title())),
				idempotencyKey);
		postCard(room, stage, null, replyTo);
		card.changed(room);
		return new Result(Outcome.DONE, stage);
	}

	/** The supplier changes the terms of a proposed or confirmed stage: version+1, to be confirmed again. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result edit(DealRoom room, long by, long stageId, String field, UnaryOperator<Stage.Terms> change, String idempotencyKey,
			long replyTo) {
		Result result = change(room, stageId, idempotencyKey, stage -> stage.edit(Stage.Side.of(room, by), change.apply(stage.terms())));
		if (result.done()) {
			Stage stage = result.stage();
			events.append(room.key(), by, DealEventType.STAGE_EDITED, stage.id(),
					facts(stage, Map.of("field", field, "title", stage.terms().title())), idempotencyKey);
			postCard(room, stage, field, replyTo);
			card.changed(room);
		}
		return result;
	}

	/** The customer confirms the version of the terms on the card they pressed. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result confirm(DealRoom room, long by, long stageId, int version, String idempotencyKey) {
		Result result = change(room, stageId, idempotencyKey, stage -> stage.confirm(Stage.Side.of(room, by), by, version));
		if (result.done()) {
			Stage stage = result.stage();
			events.append(room.key(), by, DealEventType.STAGE_CONFIRMED, stage.id(), facts(stage, Map.of()), idempotencyKey);
			// the stage's card says it, its button gone: an edit, not one more of the group's 20 messages a minute
			java.util.function.Function<java.util.Locale, String> confirmed = locale -> texts.card(locale, stage) + "\n\n"
					+ texts.text(locale, "stages.confirmed", stage.number(), esc(stage), stage.version(), texts.money(locale, stage.terms()),
							texts.name(by));
			stages.cardOf(stage.id()).ifPresentOrElse(message -> outbox.editText(room.chatId(), MessageRef.queued(message),
					groupTexts.forGroup(room.chatId(), confirmed), Keyboard.inline(List.of()), Priority.NORMAL),
					() -> notice(room, confirmed, null));
			card.changed(room);
		}
		return result;
	}

	/** The supplier reports the stage done: the customer reviews it within the window, both told when it ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result ready(DealRoom room, long by, long stageId, String idempotencyKey) {
		Instant now = clock.instant();
		var calendar = texts.calendar(room);
		ReviewWindow window = ReviewWindow.of(calendar, now, properties.reviewWindow());
		Result result = change(room, stageId, idempotencyKey,
				stage -> stage.ready(Stage.Side.of(room, by), now, window.remindAt(), window.dueAt()));
		if (result.done()) {
			Stage stage = result.stage();
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("review_due_at", window.dueAt().toString());
			extra.put("review_working_days", properties.reviewWindow());
			events.append(room.key(), by, DealEventType.STAGE_READY, stage.id(), facts(stage, extra), idempotencyKey);
			notice(room, locale -> texts.text(locale, "stages.ready.notice", stage.number(), esc(stage), texts.customers(room, locale),
					texts.dateTime(locale, window.dueAt(), calendar.zone()), properties.reviewWindow()), reviewButtons(room, stage));
			card.changed(room);
		}
		return result;
	}

	/** The customer accepts the result: final. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result accept(DealRoom room, long by, long stageId, int version, String idempotencyKey) {
		Result result = change(room, stageId, idempotencyKey, stage -> {
			requireVersion(stage, version);
			return stage.accept(Stage.Side.of(room, by), by);
		});
		if (result.done()) {
			Stage stage = result.stage();
			events.append(room.key(), by, DealEventType.STAGE_ACCEPTED, stage.id(), facts(stage, Map.of()), idempotencyKey);
			notice(room, locale -> texts.text(locale, "stages.accepted.notice", stage.number(), esc(stage), texts.name(by)), null);
			card.changed(room);
		}
		return result;
	}

	/** Whether the customer may ask for changes in this stage now (before they are asked for the reason). */
	Result mayRequestChanges(DealRoom room, long by, long stageId, int version) {
		Optional<Stage> found = stages.byId(stageId).filter(s -> s.dealKey().equals(room.key()));
		if (found.isEmpty()) {
			return new Result(Outcome.UNKNOWN, null);
		}
		try {
			requireVersion(found.get(), version);
			found.get().requestChanges(Stage.Side.of(room, by), "?");
			return new Result(Outcome.DONE, found.get());
		}
		catch (Stage.IllegalTransition refused) {
			return new Result(outcome(refused), found.get());
		}
	}

	/** The customer asks for changes, with the reason; the supplier reports it ready again. */
	@Transactional(propagation = Propagation.MANDATORY)
	Result requestChanges(DealRoom room, long by, long stageId, int version, String reason, String idempotencyKey) {
		Result result = change(room, stageId, idempotencyKey, stage -> {
			requireVersion(stage, version);
			return stage.requestChanges(Stage.Side.of(room, by), reason);
		});
		if (result.done()) {
			Stage stage = result.stage();
			events.append(room.key(), by, DealEventType.STAGE_CHANGES_REQUESTED, stage.id(), facts(stage, Map.of("reason", reason)),
					idempotencyKey);
			notice(room, locale -> texts.text(locale, "stages.changes.notice", texts.name(by), stage.number(), esc(stage),
					com.b2brics.connect.telegram.Html.cut(reason, Stage.MAX_REASON)), null);
			card.changed(room);
		}
		return result;
	}

	/** The review window ends in a working day: the customer side is reminded in the group (the check, actor 0). */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean remind(Optional<DealRoom> room, String dealKey, long stageId) {
		Instant now = clock.instant();
		Result result = change(dealKey, stageId, null, stage -> stage.remind(now));
		if (!result.done()) {
			return false;
		}
		Stage stage = result.stage();
		events.append(dealKey, 0, DealEventType.STAGE_REVIEW_REMINDED, stage.id(),
				facts(stage, Map.of("review_due_at", stage.reviewDueAt().toString())), null);
		room.ifPresent(r -> {
			var zone = texts.calendar(r).zone();
			notice(r, locale -> texts.text(locale, "stages.reminder.notice", texts.customers(r, locale), stage.number(), esc(stage),
					texts.dateTime(locale, stage.reviewDueAt(), zone)), reviewButtons(r, stage));
		});
		return true;
	}

	/** The review window passed without an answer: the stage counts as accepted (the check, actor 0). */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean acceptByDefault(Optional<DealRoom> room, String dealKey, long stageId) {
		Instant now = clock.instant();
		Result result = change(dealKey, stageId, null, stage -> stage.acceptByDefault(now));
		if (!result.done()) {
			return false;
		}
		Stage stage = result.stage();
		events.append(dealKey, 0, DealEventType.STAGE_ACCEPTED_BY_DEFAULT, stage.id(), facts(stage, Map.of()), null);
		room.ifPresent(r -> {
			notice(r, locale -> texts.text(locale, "stages.default.notice", stage.number(), esc(stage), properties.reviewWindow()), null);
			card.changed(r);
		});
		return true;
	}

	// --- the common part

	private Result change(DealRoom room, long stageId, String idempotencyKey, UnaryOperator<Stage> transition) {
		return change(room.key(), stageId, idempotencyKey, transition);
	}

	private Result change(String dealKey, long stageId, String idempotencyKey, UnaryOperator<Stage> transition) {
		stages.lockRoom(dealKey);
		Optional<Stage> found = stages.byId(stageId).filter(s -> s.dealKey().equals(dealKey));
		if (found.isEmpty()) {
			return new Result(Outcome.UNKNOWN, null);
		}
		if (stages.seen(idempotencyKey)) {
			return new Result(Outcome.DUPLICATE, found.get());
		}
		Stage changed;
		try {
			changed = transition.apply(found.get());
		}
		catch (Stage.IllegalTransition refused) {
			return new Result(outcome(refused), found.get());
		}
		if (!stages.save(found.get(), changed, clock.instant())) {
			return new Result(Outcome.WRONG_STATE, stages.byId(stageId).orElse(found.get()));
		}
		return new Result(Outcome.DONE, changed);
	}

	private static Outcome outcome(Stage.IllegalTransition refused) {
		return switch (refused.reason()) {
			case SIDE -> Outcome.WRONG_SIDE;
			case VERSION -> Outcome.OLD_VERSION;
			case STATE, NOT_DUE -> Outcome.WRONG_STATE;
		};
	}

	private static void requireVersion(Stage stage, int version) {
		if (stage.version() != version) {
			throw new Stage.IllegalTransition(stage, "change in version " + version, Stage.IllegalTransition.Reason.VERSION);
		}
	}

	/** The facts escrow and support read from the log. */
	private static Map<String, Object> facts(Stage stage, Map<String, ?> extra) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("number", stage.number());
		facts.put("version", stage.version());
		facts.put("status", stage.status().name());
		facts.put("amount_minor", stage.terms().amountMinor());
		facts.put("currency", stage.terms().currency());
		facts.put("model", stage.terms().model().name());
		facts.put("delivery_due", stage.terms().deliveryDue().toString());
		extra.forEach((key, value) -> facts.put(key, value instanceof String s ? com.b2brics.connect.telegram.Html.cutPlain(s, 1000) : value));
		return facts;
	}

	private static String esc(Stage stage) {
		return com.b2brics.connect.telegram.Html.cut(stage.terms().title(), 120);
	}

	/** The stage's card in the group, with Confirm for its version; after an edit headed by what changed. */
	private void postCard(DealRoom room, Stage stage, String editedField, long replyTo) {
		String html = groupTexts.forGroup(room.chatId(), locale -> (editedField == null ? ""
				: texts.text(locale, "stages.edited.notice", stage.number(), texts.text(locale, "stages.label." + editedField),
						stage.version()) + "\n")
				+ texts.card(locale, stage));
		var locale = groupTexts.languagesOf(room.chatId()).get(0);
		InlineButton confirm = InlineButton.callback(texts.text(locale, "stages.button.confirm", stage.number(), stage.version()), CONFIRM,
				stage.id() + ":" + stage.version());
		OutgoingMessage message = OutgoingMessage.to(room.chatId(), html).with(Keyboard.column(confirm)).priority(Priority.ANSWER);
		long id = outbox.send(replyTo > 0 ? message.replyTo(replyTo) : message);
		stages.cardPosted(stage.id(), id);
	}

	private Keyboard.Inline reviewButtons(DealRoom room, Stage stage) {
		var locale = groupTexts.languagesOf(room.chatId()).get(0);
		String payload = stage.id() + ":" + stage.version();
		return Keyboard.row(InlineButton.callback(texts.text(locale, "stages.button.accept", stage.number()), ACCEPT, payload),
				InlineButton.callback(texts.text(locale, "stages.button.changes"), CHANGES, payload));
	}

	private void notice(DealRoom room, java.util.function.Function<java.util.Locale, String> text, Keyboard.Inline keyboard) {
		outbox.send(OutgoingMessage.to(room.chatId(), groupTexts.forGroup(room.chatId(), text)).with(keyboard));
	}
}
