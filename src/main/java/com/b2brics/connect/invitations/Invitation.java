package com.b2brics.connect.invitations;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.b2brics.connect.catalog.Specialization;

/**
 * A request for a partner of one specialization in one deal's group. OPEN while offers go out;
 * then ACCEPTED or CANCELLED, which are final, or EXHAUSTED, which a manager may open again by
 * adding a partner by hand ({@link Status#next()}). Each change is a method that refuses an
 * invitation in the wrong state ({@link IllegalTransition}) and returns it as it is afterwards;
 * {@link Invitations} stores it only if the row is still in the state it was read in.
 */
record Invitation(long id, String dealKey, long chatId, String storefrontSlug, Specialization specialization,
		String task, String summaryEn, String summaryRu, long inviterId, Status status, Long statusOutboxId,
		Long acceptedPartnerId, Instant createdAt, Instant closedAt, Map<String, String> summaries) {

	/** The summary in every language it was written in, by language code; those without are read in English or Russian. */
	Invitation {
		summaries = summaries == null ? Map.of() : Map.copyOf(summaries);
	}

	/** An invitation with no stored summaries beyond English and Russian (made before there were more). */
	Invitation(long id, String dealKey, long chatId, String storefrontSlug, Specialization specialization, String task,
			String summaryEn, String summaryRu, long inviterId, Status status, Long statusOutboxId, Long acceptedPartnerId,
			Instant createdAt, Instant closedAt) {
		this(id, dealKey, chatId, storefrontSlug, specialization, task, summaryEn, summaryRu, inviterId, status,
				statusOutboxId, acceptedPartnerId, createdAt, closedAt, Map.of());
	}

	enum Status {
		OPEN, ACCEPTED, EXHAUSTED, CANCELLED;

		/** The states an invitation in this one may move to: the whole transition table of an invitation. */
		Set<Status> next() {
			return switch (this) {
				case OPEN -> EnumSet.of(ACCEPTED, EXHAUSTED, CANCELLED);
				case EXHAUSTED -> EnumSet.of(OPEN);
				case ACCEPTED, CANCELLED -> EnumSet.noneOf(Status.class);
			};
		}

		boolean canMoveTo(Status target) {
			return next().contains(target);
		}
	}

	/** The offered partner joined: the search is over. */
	Invitation accept(long partnerId, Instant now) {
		return moveTo(Status.ACCEPTED, partnerId, now);
	}

	/** Nobody is left to offer it to. */
	Invitation exhaust(Instant now) {
		return moveTo(Status.EXHAUSTED, null, now);
	}

	/** The inviter or staff cancelled it, or the deal's group was released. */
	Invitation cancel(Instant now) {
		return moveTo(Status.CANCELLED, null, now);
	}

	/** A manager added a partner by hand to the exhausted invitation: it searches again. */
	Invitation reopen() {
		return moveTo(Status.OPEN, null, null);
	}

	/** Whether a manager may add a partner by hand. */
	boolean canReopen() {
		return status.canMoveTo(Status.OPEN);
	}

	/** The deal's summary in the reader's language; in English (Russian for a Russian reader) if it was not written in theirs. */
	String summary(Locale locale) {
		String stored = summaries.get(locale.getLanguage());
		if (stored != null) {
			return stored;
		}
		return "ru".equals(locale.getLanguage()) ? summaryRu : summaryEn;
	}

	boolean isOpen() {
		return status == Status.OPEN;
	}

	private Invitation moveTo(Status target, Long acceptedPartnerId, Instant closedAt) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTransition("invitation " + id + " cannot become " + target + " while " + status);
		}
		return new Invitation(id, dealKey, chatId, storefrontSlug, specialization, task, summaryEn, summaryRu, inviterId,
				target, statusOutboxId, acceptedPartnerId, createdAt, closedAt, summaries);
	}
}
