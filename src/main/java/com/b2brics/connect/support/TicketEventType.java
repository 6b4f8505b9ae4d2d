package com.b2brics.connect.support;

/** What happened to a ticket: the types of {@link SupportEvents}' rows. Stored by name: never rename one. */
public enum TicketEventType {
	DRAFTED, DESCRIBED, FACT_ADDED, OPENED, CANCELLED, TAKEN, TAKE_REFUSED, AGENT_JOINED, ASKED, REPORTER_ANSWERED,
	FIRST_RESPONSE, RESOLVED, REOPENED, AGENT_REMOVED, CLOCK_REMINDED, CLOCK_BREACHED
}
