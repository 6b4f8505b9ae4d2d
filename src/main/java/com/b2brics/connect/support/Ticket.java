package com.b2brics.connect.support;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A support ticket as stored. Its status moves only along {@link Status#next()}; the store keeps a
 * change only if the row still has the status and version it was read with, so of two instances (or
 * two presses) one wins.
 *
 * @param dealKey null: the reporter chose "no deal"
 * @param chatId the deal's working group; null without a deal
 */
public record Ticket(long id, String dealKey, Long chatId, String storefrontSlug, long reporterId, String description,
		Status status, Long takenBy, Long deskOutboxId, Instant firstResponseDue, Instant firstResponseAt,
		String resolution, Long resolvedBy, Instant resolvedAt, Instant reopenUntil, Instant openedAt, Instant createdAt,
		int version) {

	/** Longest description, in characters (UTF-16 units, as Telegram counts). */
	public static final int MAX_DESCRIPTION = 1000;

	/** Longest text fact, resolution or question, in characters. */
	public static final int MAX_TEXT = 2000;

	/** Most facts one ticket holds. */
	public static final int MAX_FACTS = 20;

	public enum Status {
		/** Being written: the reporter has not pressed Done yet; the desk does not see it. */
		DRAFT,
		/** Waiting for an agent to take it. */
		NEW,
		/** An agent has it. */
		TAKEN,
		/** The agent asked the reporter; the first-response clock is paused until the reporter answers. */
		WAITING_REPORTER,
		RESOLVED,
		/** The reporter gave up before Done. */
		CANCELLED;

		/** The states a ticket in this one may move to: the whole transition table. */
		public Set<Status> next() {
			return switch (this) {
				case DRAFT -> EnumSet.of(NEW, CANCELLED);
				case NEW -> EnumSet.of(TAKEN);
				case TAKEN -> EnumSet.of(WAITING_REPORTER, RESOLVED);
				case WAITING_REPORTER -> EnumSet.of(TAKEN, RESOLVED);
				case RESOLVED -> EnumSet.of(NEW);
				case CANCELLED -> EnumSet.noneOf(Status.class);
			};
		}

		public boolean canMoveTo(Status target) {
			return next().contains(target);
		}

		/** Open: the reporter's next /support in the same deal adds to it rather than making another. */
		public boolean isOpen() {
			return this == DRAFT || this == NEW || this == TAKEN || this == WAITING_REPORTER;
		}
	}

	/** The number people see: {@code T-000123}. */
	public String number() {
		return number(id);
	}

	public static String number(long id) {
		return String.format(Locale.ROOT, "T-%06d", id);
	}

	/** A change the ticket's status does not allow; nothing was changed. */
	public static final class IllegalTransition extends IllegalStateException {

		IllegalTransition(String message) {
			super(message);
		}
	}

	/** Throws when the ticket may not move to the target status. */
	void check(Status target) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTransition("ticket " + id + " cannot move from " + status + " to " + target);
		}
	}
}
