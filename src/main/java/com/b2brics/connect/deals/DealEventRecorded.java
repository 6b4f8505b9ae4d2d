package com.b2brics.connect.deals;

import java.time.Instant;

/**
 * One change of a deal, published in the transaction that stored it (once: a repeated button press
 * or a redelivered update stores and publishes nothing). Escrow funds on {@code STAGE_CONFIRMED}
 * and releases on {@code STAGE_ACCEPTED}/{@code STAGE_ACCEPTED_BY_DEFAULT}; support and the web
 * timeline read the log ({@link DealEvents#of}).
 *
 * @param actorId the Telegram user who acted; 0 for the system (a review window that passed)
 * @param subjectId the stage, agreement, document, blocker … it concerns; 0 for the deal itself
 */
public record DealEventRecorded(String dealKey, int seq, Instant at, long actorId, DealEventType type, long subjectId) {
}
