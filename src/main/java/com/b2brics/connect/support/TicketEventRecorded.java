package com.b2brics.connect.support;

import java.time.Instant;

/**
 * One change of a ticket, published in the transaction that stored it (once: a repeated press or a
 * redelivered update stores and publishes nothing).
 *
 * @param actorId the Telegram user who acted; 0 for the system
 */
public record TicketEventRecorded(long ticketId, int seq, Instant at, long actorId, TicketEventType type) {
}
