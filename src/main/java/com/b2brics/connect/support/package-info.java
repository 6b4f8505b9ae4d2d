/**
 * Support: tickets called from the bot (in a deal's group, from the deal card or in private chat),
 * the support desk group where agents take them, the agent let into the deal's group through join
 * control, resolving and reopening, and support's own first-response clock. A ticket belongs to one
 * deal and one reporter; each change is a row of its append-only log ({@link SupportEvents}),
 * published as {@link TicketEventRecorded}; a ticket of a deal also appears in the deal's log.
 * Nothing depends on {@code support}; escrow's disputes will open tickets through a public method.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support",
		allowedDependencies = { "deals", "groups", "sla", "accounts", "telegram", "core" })
package com.b2brics.connect.support;
