package com.b2brics.connect.leads;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An importer's request about one service, from the moment they pressed Start. It waits for a
 * working group, is open while the group is in use, and is closed at the end. If the importer
 * does not enter the group in time (or an admin takes the group back), the group returns to the
 * pool and the lead waits for the importer to come back; their next Start queues it again.
 *
 * <p>Each change is a method that refuses a lead in the wrong state ({@link IllegalTransition})
 * and returns the lead as it is afterwards; {@link Leads} stores it only if the row is still in
 * the state it was read in, so of two instances acting at once one wins. The transitions are
 * listed in {@link Status#next()}.
 *
 * @param groupAt when the lead got its current group; null without one
 * @param importerJoinedAt when the importer entered the current group; null if they have not
 */
public record Lead(long id, long serviceId, long partnerId, String storefrontSlug, long importerId, long clickId,
		Status status, Instant createdAt, Instant groupAt, Instant importerJoinedAt) {

	public enum Status {
		WAITING_FOR_GROUP, OPEN, WAITING_FOR_IMPORTER, CLOSED;

		/** The states a lead in this one may move to: the whole transition table of a lead. */
		Set<Status> next() {
			return switch (this) {
				// it gets a group
				case WAITING_FOR_GROUP -> EnumSet.of(OPEN);
				// it is closed, or its group goes back to the pool (importer not in time, or taken back)
				case OPEN -> EnumSet.of(CLOSED, WAITING_FOR_IMPORTER);
				// its importer came back: it queues again
				case WAITING_FOR_IMPORTER -> EnumSet.of(WAITING_FOR_GROUP);
				case CLOSED -> EnumSet.noneOf(Status.class);
			};
		}

		boolean canMoveTo(Status target) {
			return next().contains(target);
		}
	}

	/** A change the lead's state does not allow; nothing was changed. */
	static final class IllegalTransition extends IllegalStateException {

		IllegalTransition(Lead lead, String change) {
			super("lead " + lead.id() + " cannot " + change + " while " + lead.status());
		}
	}

	/** The lead got a working group (at {@code now}); its importer has not entered it yet. */
	Lead open(Instant now) {
		return moveTo(Status.OPEN, "get a group", now, null);
	}

	/** The lead ends (the importer may start a new one for the service). */
	Lead close() {
		return moveTo(Status.CLOSED, "be closed", groupAt, importerJoinedAt);
	}

	/** Its group goes back to the pool; the lead waits for its importer to come back. */
	Lead giveGroupBack() {
		return moveTo(Status.WAITING_FOR_IMPORTER, "give its group back", null, null);
	}

	/** The importer came back: the lead waits for a group again. */
	Lead requeue() {
		return moveTo(Status.WAITING_FOR_GROUP, "queue again", null, null);
	}

	/** The importer entered the lead's group: from now on it is in use (no grace timer, not counted by the cap). */
	Lead importerEntered(Instant now) {
		if (status != Status.OPEN || importerJoinedAt != null) {
			throw new IllegalTransition(this, "take its importer in");
		}
		return new Lead(id, serviceId, partnerId, storefrontSlug, importerId, clickId, status, createdAt, groupAt, now);
	}

	/** Its group went back to the pool: the importer's next Start queues it again ({@link #requeue}). */
	boolean waitsForImporterToComeBack() {
		return status == Status.WAITING_FOR_IMPORTER;
	}

	/** Whether it may be closed now (a confirmation asked earlier may find it closed or its group given back). */
	boolean canClose() {
		return status.canMoveTo(Status.CLOSED);
	}

	/** Holds a group its importer has not entered: what the join grace waits for. */
	boolean waitsForImporterToEnter() {
		return status == Status.OPEN && importerJoinedAt == null && groupAt != null;
	}

	/** Holds a group, or waits for one, without its importer having entered: what the per-person cap counts. */
	boolean unused() {
		return (status == Status.WAITING_FOR_GROUP || status == Status.OPEN) && importerJoinedAt == null;
	}

	private Lead moveTo(Status target, String change, Instant groupAt, Instant importerJoinedAt) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTransition(this, change);
		}
		return new Lead(id, serviceId, partnerId, storefrontSlug, importerId, clickId, target, createdAt, groupAt,
				importerJoinedAt);
	}
}
