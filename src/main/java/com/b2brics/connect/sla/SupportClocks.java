package com.b2brics.connect.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Support's first-response clocks, one per ticket (and a new one when a resolved ticket is
 * reopened), on the storefront's policy's {@code supportFirstResponse} time counted in the
 * storefront's working calendar. Paused while the ticket waits on its reporter. At the policy's
 * reminder points {@link SupportClockReminder} is published, at the due instant
 * {@link SupportClockBreached} (once each, on one instance); the support module tells the desk and
 * the admins. Every change is a conditional update, so two instances never double-count.
 * <p>
 * CONTRACT written before building (session 2026-12-06): the sla helper implements it.
 */
@Service
public class SupportClocks {

	/** How a ticket's clock stands. */
	public enum Status {
		RUNNING, PAUSED, MET, LATE, CANCELLED
	}

	/**
	 * @param dueAt when the first response is due (moves by the paused time)
	 * @param worked working time counted so far (pauses excluded)
	 * @param breachedAt when the breach was told; null if not (yet)
	 */
	public record View(long ticketId, Status status, Duration allowed, Instant startedAt, Instant dueAt, Duration worked,
			Instant breachedAt) {
	}

	/**
	 * Starts the ticket's clock at the instant (a ticket reopened gets a new clock; a running one is
	 * kept) and returns when the first response is due.
	 *
	 * @param storefrontSlug the calendar and policy: the deal's storefront, or support's configured one
	 */
	public Instant start(long ticketId, String storefrontSlug, Instant at) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The ticket waits on its reporter: counting stops. Empty when no clock runs. */
	public Optional<View> pause(long ticketId, Instant at) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The reporter answered: counting resumes, the due instant moves by the paused time. Empty when none was paused. */
	public Optional<View> resume(long ticketId, Instant at) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The agent's first response to the reporter: MET within the allowed time, else LATE. Empty when no clock ran. */
	public Optional<View> answered(long ticketId, long agentId, Instant at) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** Nobody waits any more (resolved without a first response, cancelled): the clock stops, CANCELLED. */
	public Optional<View> cancel(long ticketId, Instant at) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The ticket's newest clock. */
	public Optional<View> of(long ticketId) {
		throw new UnsupportedOperationException("not built yet");
	}
}
