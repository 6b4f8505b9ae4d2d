package com.b2brics.connect.sla;

import java.time.Instant;

/** A ticket's first response is past due (published once per clock). */
public record SupportClockBreached(long ticketId, Instant dueAt) {
}
