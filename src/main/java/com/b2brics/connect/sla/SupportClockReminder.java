package com.b2brics.connect.sla;

import java.time.Instant;

/** A ticket's first-response clock reached a reminder point of its policy (published once per point). */
public record SupportClockReminder(long ticketId, int percent, Instant dueAt) {
}
