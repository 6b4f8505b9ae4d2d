package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.deals.StageDrafts.Draft;
import com.b2brics.connect.deals.StageDrafts.Step;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Stages in the group. {@code /stage} lists them (anyone in the group); the supplier side proposes
 * one in one line ({@code /stage Customs clearance | 2026-12-20 | 1200 USD | staged}) or through a
 * guided form (buttons for currency and payment model, Skip for the optional texts), and changes
 * one with {@code /stage edit N field value}; {@code /ready} (or Ready on the deal card) reports the
 * current confirmed stage done. The customer side presses Confirm, Accept or Request changes (a
 * reason is asked for). Whatever the bot waits for is stored ({@link StageDrafts}).
 */
@Component
class StageConversation implements ExpectedText {

	private static final Logger log = LoggerFactory.getLogger(StageConversation.class);

	static final String NEW = "stg_new";
	static final String CURRENCY = "stg_cur";
	static final String MODEL = "stg_mod";
	static final String SKIP = "stg_skip";
	static final String DROP = "stg_drop";

	/** The questions of the guided form in order. */
	static final List<Step> FORM = Arrays.stream(Step.values()).filter(step -> step != Step.REASON).toList();
	/** Stages listed by /stage; the rest are counted. */
	static final int MAX_LISTED = 20;
	/** The longest /stage line read. */
	static final int MAX_LINE = 1000;

	private static final Pattern EDIT = Pattern.compile("(?is)^edit\\s+(\\d{1,4})\\s+(\\p{L}+)\\s*(.*)$");
	private static final Map<String, Step> FIELDS = Map.ofEntries(Map.entry("title", Step.TITLE), Map.entry("works", Step.WORKS),
			Map.entry("results", Step.RESULTS), Map.entry("delivery", Step.DELIVERY), Map.entry("response", Step.RESPONSE),
			Map.entry("currency", Step.CURRENCY), Map.entry("price", Step.AMOUNT), Map.entry("amount", Step.AMOUNT),
			Map.entry("model", Step.MODEL), Map.entry("paysfor", Step.PAYSFOR), Map.entry("reporting", Step.REPORTING),
			Map.entry("acceptance", Step.ACCEPTANCE));

	private final DealRooms rooms;
	private final Stages stages;
	private final StageDrafts drafts;
	private final StageFlow flow;
	private final StageTexts texts;
	private final DealsProperties properties;
	private final Accounts accounts;
	private final Outbox outbox;
	private final Clock clock;

	StageConversation(DealRooms rooms, Stages stages, StageDrafts drafts, StageFlow flow, StageTexts texts, DealsProperties properties,
			Accounts accounts, Outbox outbox, Clock clock) {
		this.rooms = rooms;
		this.stages = stages;
		this.drafts = drafts;
		this.flow = flow;
		this.texts = texts;
		this.properties = properties;
		this.accounts = accounts;
		this.outbox = outbox;
		this.clock = clock;
	}

	// --- commands

	@OnCommand(value = "stage", where = Where.DEAL_GROUP, help = "bot.command.stage", order = 41, wrongPlace = "deals.wrongplace",
			noDeal = "deals.nodeal")
	void stage(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		long user = command.user().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "deals.nodeal"), null);
			return;
		}
		String args = command.args() == null ? "" : command.args().strip();
		if (args.isEmpty()) {
			list(room.get(), user, locale, command.messageId());
			return;
		}
		if (Stage.Side.of(room.get(), user) != Stage.Side.SUPPLIER) {
			log.info("User {} may not propose stages in chat {}", user, chat);
			reply(chat, command.messageId(), texts.text(locale, "stages.propose.notallowed"), null);
			return;
		}
		if (args.length() > MAX_LINE) {
			reply(chat, command.messageId(), texts.text(locale, "stages.line.long", args.length(), MAX_LINE), null);
			return;
		}
		Matcher edit = EDIT.matcher(args);
		if (edit.matches()) {
			edit(room.get(), command, locale, Integer.parseInt(edit.group(1)), edit.group(2), edit.group(3));
			return;
		}
		if (!args.contains("|") && args.matches("(?is)^edit(\\s.*)?$")) {
			reply(chat, command.messageId(), texts.text(locale, "stages.edit.usage"), null);
			return;
		}
		StageInput.Line line;
		try {
			line = StageInput.line(args, today(room.get()), texts::modelNamed);
		}
		catch (StageInput.Problem problem) {
			String answer = texts.problem(locale, problem);
			if (!problem.key().equals("stages.line.usage")) {
				answer += "\n\n" + texts.text(locale, "stages.line.usage");
			}
			reply(chat, command.messageId(), answer, null);
			return;
		}
		String idem = "upd:" + command.updateId();
		if (line.complete()) {
			drafts.drop(chat, user);
			flow.propose(room.get(), user, new Stage.Terms(line.title(), null, null, null, line.deliveryDue(), line.amountMinor(),
					line.currency(), line.model(), null, null, null), idem, command.messageId());
			return;
		}
		// a power user's line asks only for the required parts it lacks; the optional ones come later with /stage edit
		Draft draft = Draft.form(chat, user, room.get().key(), expiry()).with(Step.TITLE, line.title());
		for (Step step : FORM) {
			if (step.optional) {
				draft = draft.skip(step);
			}
		}
		if (line.deliveryDue() != null) {
			draft = draft.with(Step.DELIVERY, line.deliveryDue());
		}
		if (line.amountMinor() != null) {
			draft = draft.with(Step.AMOUNT, new StageInput.Money(line.amountMinor(), line.currency()));
		}
		if (line.model() != null) {
			draft = draft.with(Step.MODEL, line.model());
		}
		advance(room.get(), draft, locale, command.messageId(), idem);
	}

	@OnCommand(value = "ready", where = Where.DEAL_GROUP, who = Who.DEAL_SUPPLIER, help = "bot.command.ready", order = 42,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "stages.ready.notallowed")
	void ready(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "deals.nodeal"), null);
			return;
		}
		String args = command.args() == null ? "" : command.args().strip();
		Optional<Stage> stage;
		if (args.matches("\\d{1,4}")) {
			stage = stages.byNumber(room.get().key(), Integer.parseInt(args));
			if (stage.isEmpty()) {
				reply(chat, command.messageId(), texts.text(locale, "stages.unknown", Integer.parseInt(args)), null);
				return;
			}
		}
		else {
			stage = stages.ofDeal(room.get().key()).stream()
				.filter(s -> s.status() == Stage.Status.CONFIRMED || s.status() == Stage.Status.CHANGES_REQUESTED)
				.findFirst();
			if (stage.isEmpty()) {
				reply(chat, command.messageId(), texts.text(locale, "stages.ready.none"), null);
				return;
			}
		}
		StageFlow.Result result = flow.ready(room.get(), command.user().id(), stage.get().id(), "upd:" + command.updateId());
		refusal(result, locale, StageFlow.READY).ifPresent(text -> reply(chat, command.messageId(), text, null));
	}

	private void list(DealRoom room, long user, Locale locale, long replyTo) {
		List<Stage> all = stages.ofDeal(room.key());
		boolean supplier = Stage.Side.of(room, user) == Stage.Side.SUPPLIER;
		List<String> lines = new ArrayList<>();
		if (all.isEmpty()) {
			lines.add(texts.text(locale, "stages.list.none"));
		}
		else {
			lines.add(texts.text(locale, "stages.list.title"));
			all.stream().limit(MAX_LISTED).map(stage -> texts.line(locale, stage)).forEach(lines::add);
			if (all.size() > MAX_LISTED) {
				lines.add(texts.text(locale, "deals.card.more", all.size() - MAX_LISTED));
			}
		}
		if (supplier) {
			lines.add("");
			lines.add(texts.text(locale, "stages.list.hint"));
		}
		Keyboard.Inline keyboard = supplier
				? Keyboard.column(InlineButton.callback(texts.text(locale, "stages.button.new"), NEW, "").forUser(user)) : null;
		reply(room.chatId(), replyTo, String.join("\n", lines), keyboard);
	}

	private void edit(DealRoom room, CommandReceived command, Locale locale, int number, String fieldName, String value) {
		long chat = command.chat().id();
		Step field = FIELDS.get(fieldName.toLowerCase(Locale.ROOT));
		if (field == null) {
			reply(chat, command.messageId(), texts.text(locale, "stages.edit.field", com.b2brics.connect.telegram.Html.cut(fieldName, 40)),
					null);
			return;
		}
		Optional<Stage> stage = stages.byNumber(room.key(), number);
		if (stage.isEmpty()) {
			reply(chat, command.messageId(), texts.text(locale, "stages.unknown", number), null);
			return;
		}
		Object parsed;
		try {
			parsed = parse(room, field, value);
		}
		catch (StageInput.Problem problem) {
			reply(chat, command.messageId(), texts.problem(locale, problem), null);
			return;
		}
		StageFlow.Result result = flow.edit(room, command.user().id(), stage.get().id(), fieldName(field),
				terms -> apply(terms, field, parsed), "upd:" + command.updateId(), command.messageId());
		if (result.outcome() == StageFlow.Outcome.WRONG_STATE) {
			reply(chat, command.messageId(),
					texts.text(locale, "stages.edit.state", number, texts.status(locale, result.stage().status())), null);
			return;
		}
		refusal(result, locale, NEW).ifPresent(text -> reply(chat, command.messageId(), text, null));
	}

	/** The terms with one field changed, as {@code /stage edit} changes them. */
	static Stage.Terms apply(Stage.Terms t, Step field, Object value) {
		String title = t.title(), works = t.works(), results = t.results(), currency = t.currency(), paysFor = t.paysFor();
		String reporting = t.reporting(), acceptance = t.acceptance();
		LocalDate response = t.responseDue(), delivery = t.deliveryDue();
		long amount = t.amountMinor();
		Stage.PaymentModel model = t.model();
		switch (field) {
			case TITLE -> title = (String) value;
			case WORKS -> works = (String) value;
			case RESULTS -> results = (String) value;
			case DELIVERY -> delivery = (LocalDate) value;
			case RESPONSE -> response = (LocalDate) value;
			case CURRENCY -> currency = (String) value;
			case AMOUNT -> {
				StageInput.Money money = (StageInput.Money) value;
				amount = money.amountMinor();
				currency = money.currency() == null ? currency : money.currency();
			}
			case MODEL -> model = (Stage.PaymentModel) value;
			case PAYSFOR -> paysFor = (String) value;
			case REPORTING -> reporting = (String) value;
			case ACCEPTANCE -> acceptance = (String) value;
			case REASON -> throw new IllegalArgumentException("not a term");
		}
		return new Stage.Terms(title, works, results, response, delivery, amount, currency, model, paysFor, reporting, acceptance);
	}

	/** The key of a field's name. */
	static String label(Step field) {
		return "stages.label." + fieldName(field);
	}

	/** The field as /stage edit names it (and the events record it). */
	static String fieldName(Step field) {
		return field == Step.AMOUNT ? "price" : field.name().toLowerCase(Locale.ROOT);
	}

	private Object parse(DealRoom room, Step step, String text) {
		return switch (step) {
			case TITLE -> StageInput.title(text);
			case WORKS, RESULTS, PAYSFOR, REPORTING, ACCEPTANCE -> StageInput.text(text, label(step), Stage.MAX_TEXT);
			case DELIVERY, RESPONSE -> StageInput.date(text, label(step), today(room));
			case CURRENCY -> StageInput.currency(text);
			case AMOUNT -> StageInput.money(text, false);
			case MODEL -> StageInput.model(text, texts::modelNamed);
			case REASON -> StageInput.text(text, "stages.label.reason", Stage.MAX_REASON);
		};
	}

	// --- the guided form

	/** Asks the form's next unanswered question, or proposes the stage when none is left. */
	private void advance(DealRoom room, Draft draft, Locale locale, long replyTo, String idempotencyKey) {
		Optional<Step> next = FORM.stream().filter(step -> !draft.answered(step)).findFirst();
		if (next.isEmpty()) {
			drafts.drop(draft.chatId(), draft.userId());
			flow.propose(room, draft.userId(), draft.terms(), idempotencyKey, replyTo);
			return;
		}
		Step step = next.get();
		// the form waits form-validity from its last answer, not from its start: eleven questions may take a while
		drafts.save(draft.at(step).until(expiry()));
		reply(room.chatId(), replyTo, question(locale, texts.name(draft.userId()), step), keyboard(step, locale, draft.userId()));
	}

	/** The form's question with its number ("📝 4/11 …"); {@code name} as the text needs it (HTML or plain). */
	private String question(Locale locale, String name, Step step) {
		String question = texts.text(locale, "stages.ask." + step.name(), name, step == Step.TITLE ? Stage.MAX_TITLE : Stage.MAX_TEXT);
		return texts.text(locale, "stages.ask.progress", FORM.indexOf(step) + 1, FORM.size()) + " " + question;
	}

	private Keyboard.Inline keyboard(Step step, Locale locale, long user) {
		List<List<InlineButton>> rows = new ArrayList<>();
		if (step == Step.CURRENCY) {
			List<InlineButton> row = new ArrayList<>();
			for (String currency : StageInput.CURRENCIES) {
				row.add(InlineButton.callback(currency, CURRENCY, currency).forUser(user));
				if (row.size() == 3) {
					rows.add(row);
					row = new ArrayList<>();
				}
			}
		}
		if (step == Step.MODEL) {
			for (Stage.PaymentModel model : Stage.PaymentModel.values()) {
				rows.add(List.of(InlineButton.callback(texts.model(locale, model), MODEL, model.name()).forUser(user)));
			}
		}
		List<InlineButton> last = new ArrayList<>();
		if (step.optional) {
			last.add(InlineButton.callback(texts.text(locale, "stages.button.skip"), SKIP, step.name()).forUser(user));
		}
		last.add(InlineButton.callback(texts.text(locale, "stages.button.cancel"), DROP, "").forUser(user));
		rows.add(last);
		return Keyboard.inline(rows);
	}

	@Override
	public boolean expects(TextReceived text) {
		return text.chat().isGroup() && drafts.of(text.chat().id(), text.user().id(), clock.instant()).isPresent();
	}

	/** The answer to the question asked (or the reason of a change request). */
	@OnText(Where.GROUP)
	void on(TextReceived text) {
		long chat = text.chat().id();
		long user = text.user().id();
		Optional<Draft> draft = drafts.of(chat, user, clock.instant());
		if (draft.isEmpty()) {
			return;
		}
		Locale locale = accounts.of(text.user());
		Optional<DealRoom> room = rooms.in(chat).filter(r -> r.key().equals(draft.get().dealKey()));
		if (room.isEmpty()) {
			drafts.drop(chat, user);
			reply(chat, text.messageId(), texts.text(locale, "deals.nodeal"), null);
			return;
		}
		Step step = draft.get().step();
		Object value;
		try {
			value = parse(room.get(), step, text.text());
		}
		catch (StageInput.Problem problem) {
			// nothing stored; the question is asked again (with its buttons) so the person sees what is still wanted
			if (step == Step.REASON) {
				reply(chat, text.messageId(), texts.problem(locale, problem), null);
			}
			else {
				reply(chat, text.messageId(), texts.problem(locale, problem) + "\n\n" + question(locale, texts.name(user), step),
						keyboard(step, locale, user));
			}
			return;
		}
		String idem = "upd:" + text.updateId();
		if (step == Step.REASON) {
			drafts.drop(chat, user);
			StageFlow.Result result = flow.requestChanges(room.get(), user, draft.get().stageId(), draft.get().stageVersion(),
					(String) value, idem);
			refusal(result, locale, StageFlow.CHANGES).ifPresent(refusal -> reply(chat, text.messageId(), refusal, null));
			return;
		}
		advance(room.get(), draft.get().with(step, value), locale, text.messageId(), idem);
	}

	// --- buttons

	@OnButton({ NEW, CURRENCY, MODEL, SKIP, DROP, StageFlow.CONFIRM, StageFlow.READY, StageFlow.ACCEPT, StageFlow.CHANGES })
	void on(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		Optional<DealRoom> room = rooms.in(pressed.chat().id());
		if (room.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.nodeal"), true);
			return;
		}
		switch (pressed.action()) {
			case NEW -> newPressed(room.get(), pressed, locale);
			case CURRENCY, MODEL, SKIP -> answerPressed(room.get(), pressed, locale);
			case DROP -> dropPressed(pressed, locale);
			default -> stagePressed(room.get(), pressed, locale);
		}
	}

	private void newPressed(DealRoom room, ButtonPressed pressed, Locale locale) {
		long user = pressed.user().id();
		if (Stage.Side.of(room, user) != Stage.Side.SUPPLIER) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "stages.propose.notallowed"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		advance(room, Draft.form(pressed.chat().id(), user, room.key(), expiry()), locale, 0, "cb:" + pressed.callbackQueryId());
	}

	private void answerPressed(DealRoom room, ButtonPressed pressed, Locale locale) {
		long chat = pressed.chat().id();
		Optional<Draft> draft = drafts.of(chat, pressed.user().id(), clock.instant()).filter(d -> d.dealKey().equals(room.key()));
		Step expected = switch (pressed.action()) {
			case CURRENCY -> Step.CURRENCY;
			case MODEL -> Step.MODEL;
			default -> Arrays.stream(Step.values()).filter(s -> s.name().equals(pressed.payload()) && s.optional).findFirst().orElse(null);
		};
		if (draft.isPresent() && draft.get().step() != Step.REASON && draft.get().step() != expected) {
			// a button of an earlier question while the form is open: say which question it waits for, not that it is gone
			String name = com.b2brics.connect.telegram.Html.cutPlain(accounts.nameOf(pressed.user().id()), 64);
			outbox.answerButton(pressed.callbackQueryId(),
					com.b2brics.connect.telegram.Html.cutPlain(question(locale, name, draft.get().step()), 190), true);
			return;
		}
		if (draft.isEmpty() || expected == null || draft.get().step() != expected) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "stages.draft.gone"), true);
			return;
		}
		Draft answered;
		try {
			answered = switch (pressed.action()) {
				case CURRENCY -> draft.get().with(Step.CURRENCY, StageInput.currency(pressed.payload()));
				case MODEL -> draft.get().with(Step.MODEL, Stage.PaymentModel.valueOf(pressed.payload()));
				default -> draft.get().skip(expected);
			};
		}
		catch (StageInput.Problem | IllegalArgumentException bad) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "stages.draft.gone"), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		outbox.editKeyboard(chat, MessageRef.telegram(pressed.messageId()), Keyboard.inline(List.of()));
		advance(room, answered, locale, 0, "cb:" + pressed.callbackQueryId());
	}

	private void dropPressed(ButtonPressed pressed, Locale locale) {
		boolean dropped = drafts.drop(pressed.chat().id(), pressed.user().id());
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, dropped ? "stages.draft.dropped" : "stages.draft.gone"), false);
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()),
				texts.text(locale, dropped ? "stages.draft.dropped" : "stages.draft.gone"), Keyboard.inline(List.of()), Priority.HIGH);
	}

	/** Confirm, Ready, Accept, Request changes: for a stage (and its version) the payload names. */
	private void stagePressed(DealRoom room, ButtonPressed pressed, Locale locale) {
		String[] parts = pressed.payload().split(":", 2);
		Long stageId = number(parts[0]);
		Integer version = parts.length == 2 && number(parts[1]) != null ? number(parts[1]).intValue() : null;
		long user = pressed.user().id();
		if (stageId == null || (version == null && !pressed.action().equals(StageFlow.READY))) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "stages.unknown", "?"), true);
			return;
		}
		String idem = "cb:" + pressed.callbackQueryId();
		StageFlow.Result result = switch (pressed.action()) {
			case StageFlow.CONFIRM -> flow.confirm(room, user, stageId, version, idem);
			case StageFlow.READY -> flow.ready(room, user, stageId, idem);
			case StageFlow.ACCEPT -> flow.accept(room, user, stageId, version, idem);
			default -> flow.mayRequestChanges(room, user, stageId, version);
		};
		Optional<String> refusal = refusal(result, locale, pressed.action());
		if (refusal.isPresent()) {
			log.info("Stage press {} on {} by user {} refused: {}", pressed.action(), pressed.payload(), user, result.outcome());
			outbox.answerButton(pressed.callbackQueryId(), com.b2brics.connect.telegram.Html.cutPlain(refusal.get(), 190), true);
			return;
		}
		outbox.answerButton(pressed.callbackQueryId(), "", false);
		if (result.outcome() == StageFlow.Outcome.DUPLICATE) {
			return;
		}
		if (pressed.action().equals(StageFlow.ACCEPT)) {
			outbox.editKeyboard(room.chatId(), MessageRef.telegram(pressed.messageId()), Keyboard.inline(List.of()));
		}
		if (pressed.action().equals(StageFlow.CHANGES)) {
			drafts.save(Draft.reason(room.chatId(), user, room.key(), stageId, version, expiry()));
			reply(room.chatId(), 0, texts.text(locale, "stages.changes.ask", texts.name(user), result.stage().number(), Stage.MAX_REASON),
					Keyboard.column(InlineButton.callback(texts.text(locale, "stages.button.cancel"), DROP, "").forUser(user)));
		}
	}

	/** What to tell someone whose change was refused; empty when it was done (or a repeat). */
	private Optional<String> refusal(StageFlow.Result result, Locale locale, String action) {
		return switch (result.outcome()) {
			case DONE, DUPLICATE -> Optional.empty();
			case UNKNOWN -> Optional.of(texts.text(locale, "stages.unknown", "?"));
			case WRONG_SIDE -> Optional.of(texts.text(locale, switch (action) {
				case StageFlow.CONFIRM -> "stages.confirm.notcustomer";
				case StageFlow.ACCEPT, StageFlow.CHANGES -> "stages.accept.notcustomer";
				case StageFlow.READY -> "stages.ready.notallowed";
				default -> "stages.propose.notallowed";
			}));
			case OLD_VERSION -> Optional.of(texts.text(locale, "stages.old", result.stage().number(), result.stage().version()));
			case WRONG_STATE -> Optional.of(texts.text(locale, "stages.state", result.stage().number(),
					texts.status(locale, result.stage().status())));
		};
	}

	private static Long number(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private LocalDate today(DealRoom room) {
		return LocalDate.now(clock.withZone(texts.calendar(room).zone()));
	}

	private Instant expiry() {
		return clock.instant().plus(properties.formValidity());
	}

	private void reply(long chat, long replyTo, String html, Keyboard keyboard) {
		OutgoingMessage message = OutgoingMessage.to(chat, html).with(keyboard).priority(Priority.ANSWER);
		outbox.send(replyTo > 0 ? message.replyTo(replyTo) : message);
	}
}
