package com.b2brics.connect.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.DocumentPosted;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.MessageRef;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramLinks;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * Documents of a deal in its group (issue 13 §5). Every file posted there is recorded with its
 * sender and what it is ({@link DocumentVersioning}: a repost, the next version of a document, or
 * a new one), in the update's transaction; its content hash follows in a durable task
 * ({@link DocumentHashing}), because reading a file from Telegram may take long. A reply
 * {@code /final} to a file proposes it as the document's final version; someone of the other side
 * confirms with the button under the proposal, and earlier finals of the document are superseded.
 * {@code /docs} lists the documents with their current and final versions, linked to the messages.
 */
@Component
class DealDocumentsRoom implements DealCardSection {

	static final String CONFIRM = "doc_final";
	/** Longest file id stored (Telegram's are about 80 characters); {@code file_unique_id} half of it. */
	static final int MAX_FILE_ID = 256;
	/** Documents listed by /docs; the rest are counted. */
	static final int MAX_LISTED = 10;
	/** Versions of one document listed by /docs: the latest ones. */
	static final int MAX_VERSIONS = 6;
	/** Final documents on the card. */
	static final int MAX_ON_CARD = 4;

	private final DealRooms rooms;
	private final DealDocuments documents;
	private final DealEvents events;
	private final DealCard card;
	private final DocumentHashing hashing;
	private final Accounts accounts;
	private final Texts texts;
	private final GroupTexts groupTexts;
	private final Outbox outbox;
	private final Clock clock;
	private final DealSupport support;

	DealDocumentsRoom(DealRooms rooms, DealDocuments documents, DealEvents events, DealCard card, DocumentHashing hashing,
			Accounts accounts, Texts texts, GroupTexts groupTexts, Outbox outbox, Clock clock, DealSupport support) {
		this.rooms = rooms;
		this.documents = documents;
		this.events = events;
		this.card = card;
		this.hashing = hashing;
		this.accounts = accounts;
		this.texts = texts;
		this.groupTexts = groupTexts;
		this.outbox = outbox;
		this.clock = clock;
		this.support = support;
	}

	// --- recording

	/** A file in a deal's group: recorded in the update's transaction, hashed after it. */
	@EventListener
	void on(DocumentPosted posted) {
		if (!posted.chat().isGroup() || posted.user().isBot() || posted.fileUniqueId() == null || posted.fileId() == null
				|| posted.fileId().length() > MAX_FILE_ID || posted.fileUniqueId().length() > MAX_FILE_ID / 2) {
			return;
		}
		long chat = posted.chat().id();
		if (documents.byMessage(chat, posted.messageId()).isPresent()) {
			return;
		}
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			return;
		}
		String key = room.get().key();
		// versions of one deal are numbered one after the other, across instances
		documents.lockDeal(key);
		String name = posted.fileName() == null || posted.fileName().isBlank() ? "file" : posted.fileName().strip();
		List<DealDocuments.Document> recorded = documents.ofDeal(key);
		// a file without a name is matched by replies only
		DocumentVersioning.Verdict verdict = DocumentVersioning.of(posted.fileName() == null ? "" : posted.fileName(), posted.fileUniqueId(), posted.replyToMessageId(),
				recorded.stream().map(DealDocuments.Document::posting).toList());
		long series = 0;
		int version = 1;
		Long repostOf = null;
		if (verdict instanceof DocumentVersioning.NextVersion next) {
			series = next.seriesId();
			version = next.version();
		}
		else if (verdict instanceof DocumentVersioning.Repost repost) {
			series = repost.of().seriesId();
			version = repost.of().version();
			repostOf = repost.of().id();
		}
		Instant now = clock.instant();
		Optional<Long> id = documents.insert(key, chat, posted.messageId(), posted.user().id(), name, posted.fileId(),
				posted.fileUniqueId(), Math.max(0, posted.fileSize()), series, version, repostOf, now);
		if (id.isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", Html.cutPlain(name, 100));
		payload.put("version", version);
		payload.put("series", series == 0 ? id.get() : series);
		payload.put("file_unique_id", posted.fileUniqueId());
		payload.put("size", posted.fileSize());
		if (repostOf != null) {
			payload.put("repost_of", repostOf);
		}
		if (events.append(key, posted.user().id(), DealEventType.DOCUMENT_RECORDED, id.get(), payload, "upd:" + posted.updateId())
			.isEmpty()) {
			return;
		}
		if (repostOf != null) {
			DealDocuments.Document original = documents.byId(repostOf).orElseThrow();
			Locale locale = accounts.of(posted.user());
			support.reply(chat, posted.messageId(), texts.text(locale, "deals.docs.repost", Html.cut(original.fileName(), 100),
					original.version()));
			return;
		}
		hashing.schedule(id.get());
	}

	// --- final versions

	@OnCommand(value = "final", where = Where.DEAL_GROUP, who = Who.DEAL_SIDE, help = "bot.command.final", order = 46,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal", notAllowed = "deals.docs.notallowed")
	void propose(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		if (command.replyToMessageId() == 0) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.final.noreply"));
			return;
		}
		Optional<DealRoom> room = rooms.in(chat);
		Optional<DealDocuments.Document> replied = documents.byMessage(chat, command.replyToMessageId())
			.filter(d -> room.isPresent() && d.dealKey().equals(room.get().key()));
		if (room.isEmpty() || replied.isEmpty()) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.final.notfile"));
			return;
		}
		// a repost stands for the version it repeats
		DealDocuments.Document document = replied.get().isVersion() ? replied.get()
				: documents.byId(replied.get().duplicateOf()).orElse(replied.get());
		String name = Html.cut(document.fileName(), 100);
		if (document.finalStatus() == DealDocuments.FinalStatus.FINAL) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.final.already", name, document.version()));
			return;
		}
		if (document.finalStatus() == DealDocuments.FinalStatus.PROPOSED) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.final.pending", name, document.version()));
			return;
		}
		long by = command.user().id();
		if (!documents.proposeFinal(document.id(), by, clock.instant())) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.final.pending", name, document.version()));
			return;
		}
		if (events.append(room.get().key(), by, DealEventType.DOCUMENT_FINAL_PROPOSED, document.id(),
				Map.of("version", document.version(), "series", document.seriesId()), "upd:" + command.updateId()).isEmpty()) {
			throw new IllegalStateException("update " + command.updateId() + " handled twice");
		}
		String side = room.get().isCustomer(by) ? "supplier" : "customer";
		String proposer = Html.escape(accounts.nameOf(by));
		String html = groupTexts.forGroup(chat, l -> texts.text(l, "deals.docs.final.proposed." + side, proposer, name,
				document.version()));
		Locale first = groupTexts.languagesOf(chat).get(0);
		outbox.send(OutgoingMessage.to(chat, html)
			.replyTo(document.messageId())
			.with(Keyboard.column(InlineButton.callback(texts.text(first, "deals.docs.final.confirm"), CONFIRM,
					Long.toString(document.id()))))
			.priority(Priority.ANSWER));
	}

	/** Only the other side than the proposer's confirms; a second press changes nothing. */
	@OnButton(CONFIRM)
	void confirm(ButtonPressed pressed) {
		Locale locale = accounts.of(pressed.user());
		long id;
		try {
			id = Long.parseLong(pressed.payload());
		}
		catch (NumberFormatException e) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.docs.final.gone"), true);
			return;
		}
		Optional<DealRoom> room = rooms.in(pressed.chat().id());
		Optional<DealDocuments.Document> document = documents.byId(id)
			.filter(d -> room.isPresent() && d.dealKey().equals(room.get().key()));
		if (document.isEmpty()) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.docs.final.gone"), true);
			return;
		}
		DealDocuments.Document doc = document.get();
		String name = Html.cutPlain(doc.fileName(), 100);
		if (doc.finalStatus() == DealDocuments.FinalStatus.FINAL) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.docs.final.already.toast", name, doc.version()), false);
			return;
		}
		if (doc.finalStatus() != DealDocuments.FinalStatus.PROPOSED || doc.finalProposedBy() == null) {
			outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.docs.final.gone"), true);
			return;
		}
		long by = pressed.user().id();
		boolean proposerIsCustomer = room.get().isCustomer(doc.finalProposedBy());
		boolean otherSide = proposerIsCustomer ? room.get().isSupplier(by) && !room.get().isCustomer(by) : room.get().isCustomer(by);
		if (!otherSide) {
			outbox.answerButton(pressed.callbackQueryId(),
					texts.text(locale, proposerIsCustomer ? "deals.docs.final.only.supplier" : "deals.docs.final.only.customer"), true);
			return;
		}
		if (events.append(room.get().key(), by, DealEventType.DOCUMENT_FINAL_CONFIRMED, doc.id(),
				Map.of("version", doc.version(), "series", doc.seriesId(), "proposed_by", doc.finalProposedBy()),
				"cb:" + pressed.callbackQueryId()).isEmpty()) {
			return;
		}
		if (!documents.confirmFinal(doc, by, clock.instant())) {
			throw new IllegalStateException("document " + doc.id() + " changed under its row's check");
		}
		outbox.answerButton(pressed.callbackQueryId(), texts.text(locale, "deals.docs.final.done.toast", name, doc.version()), false);
		String confirmer = Html.escape(accounts.nameOf(by));
		outbox.editText(pressed.chat().id(), MessageRef.telegram(pressed.messageId()),
				groupTexts.forGroup(pressed.chat().id(), l -> texts.text(l, "deals.docs.final.confirmed", Html.cut(doc.fileName(), 100),
						doc.version(), confirmer)), null, Priority.ANSWER);
		card.changed(room.get());
	}

	// --- listing

	@OnCommand(value = "docs", where = Where.DEAL_GROUP, help = "bot.command.docs", order = 47,
			wrongPlace = "deals.wrongplace", noDeal = "deals.nodeal")
	void list(CommandReceived command) {
		Locale locale = accounts.of(command.user());
		long chat = command.chat().id();
		Optional<DealRoom> room = rooms.in(chat);
		if (room.isEmpty()) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.nodeal"));
			return;
		}
		List<Series> all = series(room.get().key());
		if (all.isEmpty()) {
			support.reply(chat, command.messageId(), texts.text(locale, "deals.docs.none"));
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.docs.title", all.size()));
		for (Series s : all.subList(0, Math.min(MAX_LISTED, all.size()))) {
			List<String> versions = new ArrayList<>();
			if (s.versions().size() > MAX_VERSIONS) {
				versions.add(Html.ELLIPSIS);
			}
			for (DealDocuments.Document v : s.versions().subList(Math.max(0, s.versions().size() - MAX_VERSIONS), s.versions().size())) {
				String label = linked(v, texts.text(locale, "deals.docs.version", v.version()));
				versions.add(v.finalStatus() == DealDocuments.FinalStatus.FINAL ? texts.text(locale, "deals.docs.line.final", label)
						: v.finalStatus() == DealDocuments.FinalStatus.PROPOSED ? texts.text(locale, "deals.docs.line.proposed", label)
								: label);
			}
			lines.add(texts.text(locale, "deals.docs.line", Html.cut(s.latest().fileName(), 80), String.join(" · ", versions),
					Html.escape(accounts.nameOf(s.latest().senderId()))));
		}
		if (all.size() > MAX_LISTED) {
			lines.add(texts.text(locale, "deals.card.more", all.size() - MAX_LISTED));
		}
		support.reply(chat, command.messageId(), String.join("\n", lines));
	}

	/** One document through its versions (oldest first): the latest, and its final one if any. */
	record Series(List<DealDocuments.Document> versions, Optional<DealDocuments.Document> finalVersion) {

		DealDocuments.Document latest() {
			return versions.get(versions.size() - 1);
		}
	}

	/** The deal's documents, the most recently posted first (reposts are no versions). */
	List<Series> series(String dealKey) {
		Map<Long, List<DealDocuments.Document>> bySeries = new LinkedHashMap<>();
		documents.ofDeal(dealKey).stream().filter(DealDocuments.Document::isVersion)
			.forEach(d -> bySeries.computeIfAbsent(d.seriesId(), s -> new ArrayList<>()).add(d));
		return bySeries.values().stream().map(versions -> {
			List<DealDocuments.Document> ordered = versions.stream().sorted(Comparator.comparingInt(DealDocuments.Document::version)).toList();
			return new Series(ordered, ordered.stream().filter(d -> d.finalStatus() == DealDocuments.FinalStatus.FINAL).findFirst());
		}).sorted(Comparator.comparingLong((Series s) -> s.latest().id()).reversed()).toList();
	}

	private static String linked(DealDocuments.Document document, String label) {
		return TelegramLinks.messageLink(document.chatId(), document.messageId())
			.map(link -> "<a href=\"" + Html.escape(link) + "\">" + label + "</a>")
			.orElse(label);
	}

	// --- the card

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String render(DealRoom room, Locale locale) {
		List<DealDocuments.Document> finals = series(room.key()).stream().map(Series::finalVersion).flatMap(Optional::stream).toList();
		if (finals.isEmpty()) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		lines.add(texts.text(locale, "deals.docs.card.title"));
		for (DealDocuments.Document f : finals.subList(0, Math.min(MAX_ON_CARD, finals.size()))) {
			lines.add(texts.text(locale, "deals.docs.card.line", Html.cut(f.fileName(), 60),
					linked(f, texts.text(locale, "deals.docs.version", f.version()))));
		}
		if (finals.size() > MAX_ON_CARD) {
			lines.add(texts.text(locale, "deals.card.more", finals.size() - MAX_ON_CARD));
		}
		return String.join("\n", lines);
	}

}
