package com.b2brics.connect.support;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.invitations.InvitationTestSupport;
import com.b2brics.connect.sla.SupportClocks;

/**
 * What support's tests share: deals opened through the sandbox (from {@link InvitationTestSupport}),
 * the tickets, their log and their clocks. Keep helpers of one flow in its own test class.
 */
abstract class SupportTestSupport extends InvitationTestSupport {

	@Autowired
	Tickets tickets;

	@Autowired
	SupportEvents supportEvents;

	@Autowired
	SupportClocks supportClocks;

	/** The types of the ticket's stored events, in order. */
	List<TicketEventType> eventTypes(long ticketId) {
		return supportEvents.of(ticketId).stream().map(SupportEvents.Event::type).toList();
	}

	/** The newest ticket of the reporter, as stored. */
	Ticket newestTicketOf(long reporterId) {
		return jdbc.sql("SELECT * FROM support_tickets WHERE reporter_id = :r ORDER BY id DESC LIMIT 1")
			.param("r", reporterId)
			.query(Tickets::ticket)
			.single();
	}
}
