/**
 * The deal room: the work of a deal in its Telegram group. Stages with their price, payment model
 * and acceptance, written agreements, documents and their final versions, blockers, who does what,
 * the start checklist, and the deal card that shows all of it, pinned and edited in place. Every
 * change is one row of the deal's append-only event log ({@link DealEvents}), published as
 * {@link DealEventRecorded} so that escrow, support and the web timeline rest on it without
 * {@code deals} knowing them. Which chats are deal groups and who the sides are it asks through
 * {@link com.b2brics.connect.telegram.DealChats}: it knows neither leads nor exporters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deal room",
		allowedDependencies = { "telegram", "groups", "sla", "accounts", "core" })
package com.b2brics.connect.deals;
