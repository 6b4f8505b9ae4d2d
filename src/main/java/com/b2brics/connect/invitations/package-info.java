/**
 * Invitations: a party of a deal asks the bot for a partner of a specialization; the bot ranks
 * the candidates and offers the job to one at a time, passing it on by itself on a decline or a
 * time-out, until someone joins the deal's group. Deals are asked for through
 * {@link com.b2brics.connect.invitations.DealDirectory}, which the modules owning deals implement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "telegram", "accounts", "groups", "core" })
package com.b2brics.connect.invitations;
