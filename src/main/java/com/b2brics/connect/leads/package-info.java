/**
 * Leads: clicks on "Contact in Telegram", the deep-link payloads that carry them into the bot,
 * and the leads they become when the importer presses Start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "telegram", "accounts", "groups", "invitations", "core" })
package com.b2brics.connect.leads;
