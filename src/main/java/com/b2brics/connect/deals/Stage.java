package com.b2brics.connect.deals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One stage of a deal: its terms (what is done, by when, for how much and how it is paid, reported
 * and accepted), where it stands, and the version of its terms. The aggregate escrow rests on:
 * money is held on {@code STAGE_CONFIRMED} for the terms of {@link #confirmedVersion} and released
 * on acceptance, so an accepted stage never changes again and the terms of a confirmed stage change
 * only through a new version the customer confirms again.
 *
 * <p>Each change is a method that refuses a wrong state, a wrong side or an old version
 * ({@link IllegalTransition}) and returns the stage as it is afterwards; {@link Stages} stores it
 * only if the row is still in the state and version it was read in. The transitions are listed in
 * {@link Status#next()}.
 *
 * @param confirmedBy who confirmed it last (kept through a later edit, as {@link #confirmedVersion} is)
 * @param acceptedBy who accepted it; 0 when its review window passed
 */
public record Stage(long id, String dealKey, int number, Terms terms, Status status, int version, long proposedBy,
		Long confirmedBy, Integer confirmedVersion, Instant readyAt, Instant remindAt, Instant reviewDueAt,
		Instant remindedAt, String changeReason, Long acceptedBy) {

	/** Longest title. */
	public static final int MAX_TITLE = 200;
	/** Longest free text (works, results, what the customer pays for, reporting, acceptance). */
	public static final int MAX_TEXT = 2000;
	/** Longest reason for requested changes. */
	public static final int MAX_REASON = 1000;

	public enum Status {
		PROPOSED, CONFIRMED, READY, CHANGES_REQUESTED, ACCEPTED;

		/** The states a stage in this one may move to: the whole transition table. */
		Set<Status> next() {
			return switch (this) {
				// confirmed by the customer, or edited again (a new version, still proposed)
				case PROPOSED -> EnumSet.of(CONFIRMED, PROPOSED);
				// reported ready by the supplier, or edited (a new version the customer confirms again)
				case CONFIRMED -> EnumSet.of(READY, PROPOSED);
				// accepted (by the customer or the review window passing), or changes requested
				case READY -> EnumSet.of(ACCEPTED, CHANGES_REQUESTED);
				// reported ready again
				case CHANGES_REQUESTED -> EnumSet.of(READY);
				case ACCEPTED -> EnumSet.noneOf(Status.class);
			};
		}

		boolean canMoveTo(Status target) {
			return next().contains(target);
		}
	}

	public enum PaymentModel {
		ONE_OFF, STAGED, SUBSCRIPTION
	}

	/** Which side of the deal someone acting is on. */
	enum Side {
		CUSTOMER, SUPPLIER, NONE;

		static Side of(DealRoom room, long userId) {
			return room.isCustomer(userId) ? CUSTOMER : room.isSupplier(userId) ? SUPPLIER : NONE;
		}
	}

	/** What a stage is about; the optional texts may be null. */
	public record Terms(String title, String works, String results, LocalDate responseDue, LocalDate deliveryDue,
			long amountMinor, String currency, PaymentModel model, String paysFor, String reporting, String acceptance) {

		public Terms {
			Objects.requireNonNull(title);
			Objects.requireNonNull(deliveryDue);
			Objects.requireNonNull(currency);
			Objects.requireNonNull(model);
			if (amountMinor <= 0) {
				throw new IllegalArgumentException("amount " + amountMinor);
			}
		}
	}

	/** A change the stage does not allow; nothing was changed. */
	static final class IllegalTransition extends IllegalStateException {

		enum Reason {
			/** Not in a state that allows it. */
			STATE,
			/** Not for this side of the deal. */
			SIDE,
			/** Pressed on an older version of the terms. */
			VERSION,
			/** The review window has not passed yet. */
			NOT_DUE
		}

		private final Reason reason;

		IllegalTransition(Stage stage, String change, Reason reason) {
			super("stage " + stage.id() + " cannot " + change + " while " + stage.status() + " v" + stage.version() + ": " + reason);
			this.reason = reason;
		}

		Reason reason() {
			return reason;
		}
	}

	/** A new stage as the supplier proposes it (not stored yet: id and number 0). */
	static Stage proposed(String dealKey, Terms terms, long by) {
		return new Stage(0, dealKey, 0, terms, Status.PROPOSED, 1, by, null, null, null, null, null, null, null, null);
	}

	/** The customer confirms this version of the terms. */
	Stage confirm(Side side, long by, int confirmingVersion) {
		check(Status.CONFIRMED, "be confirmed", side, Side.CUSTOMER);
		if (confirmingVersion != version) {
			throw new IllegalTransition(this, "be confirmed in version " + confirmingVersion, IllegalTransition.Reason.VERSION);
		}
		return with(Status.CONFIRMED, version, by, version, readyAt, remindAt, reviewDueAt, remindedAt, changeReason, acceptedBy, terms);
	}

	/** The supplier changes its terms: a new version, proposed again, to be confirmed again. */
	Stage edit(Side side, Terms changed) {
		if (status == Status.PROPOSED || status == Status.CONFIRMED) {
			check(Status.PROPOSED, "be edited", side, Side.SUPPLIER);
		}
		else {
			throw new IllegalTransition(this, "be edited", IllegalTransition.Reason.STATE);
		}
		return with(Status.PROPOSED, version + 1, confirmedBy, confirmedVersion, readyAt, remindAt, reviewDueAt, remindedAt,
				changeReason, acceptedBy, changed);
	}

	/** The supplier reports the work done: the customer reviews it until {@code dueAt}, reminded at {@code remindAt}. */
	Stage ready(Side side, Instant now, Instant remindAt, Instant dueAt) {
		check(Status.READY, "be reported ready", side, Side.SUPPLIER);
		return with(Status.READY, version, confirmedBy, confirmedVersion, now, remindAt, dueAt, null, changeReason, acceptedBy, terms);
	}

	/** The customer accepts the result: final. */
	Stage accept(Side side, long by) {
		check(Status.ACCEPTED, "be accepted", side, Side.CUSTOMER);
		return with(Status.ACCEPTED, version, confirmedBy, confirmedVersion, readyAt, null, null, remindedAt, changeReason, by, terms);
	}

	/** The customer asks for changes, saying why; the supplier reports it ready again. */
	Stage requestChanges(Side side, String reason) {
		check(Status.CHANGES_REQUESTED, "get changes requested", side, Side.CUSTOMER);
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a change request needs a reason");
		}
		return with(Status.CHANGES_REQUESTED, version, confirmedBy, confirmedVersion, readyAt, null, null, remindedAt, reason,
				acceptedBy, terms);
	}

	/** The review window passed without an answer: accepted by default (actor 0). */
	Stage acceptByDefault(Instant now) {
		if (!status.canMoveTo(Status.ACCEPTED)) {
			throw new IllegalTransition(this, "be accepted by default", IllegalTransition.Reason.STATE);
		}
		if (reviewDueAt == null || now.isBefore(reviewDueAt)) {
			throw new IllegalTransition(this, "be accepted by default", IllegalTransition.Reason.NOT_DUE);
		}
		return with(Status.ACCEPTED, version, confirmedBy, confirmedVersion, readyAt, null, null, remindedAt, changeReason, 0L, terms);
	}

	/** The customer is reminded that the review window ends soon (once per READY). */
	Stage remind(Instant now) {
		if (status != Status.READY || remindedAt != null) {
			throw new IllegalTransition(this, "be reminded", IllegalTransition.Reason.STATE);
		}
		if (remindAt == null || now.isBefore(remindAt)) {
			throw new IllegalTransition(this, "be reminded", IllegalTransition.Reason.NOT_DUE);
		}
		return with(status, version, confirmedBy, confirmedVersion, readyAt, remindAt, reviewDueAt, now, changeReason, acceptedBy, terms);
	}

	private void check(Status target, String change, Side side, Side allowed) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTransition(this, change, IllegalTransition.Reason.STATE);
		}
		if (side != allowed) {
			throw new IllegalTransition(this, change + " by " + side, IllegalTransition.Reason.SIDE);
		}
	}

	private Stage with(Status status, int version, Long confirmedBy, Integer confirmedVersion, Instant readyAt, Instant remindAt,
			Instant reviewDueAt, Instant remindedAt, String changeReason, Long acceptedBy, Terms terms) {
		return new Stage(id, dealKey, number, terms, status, version, proposedBy, confirmedBy, confirmedVersion, readyAt, remindAt,
				reviewDueAt, remindedAt, changeReason, acceptedBy);
	}
}
