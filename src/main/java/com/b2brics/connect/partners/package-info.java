/**
 * Partner onboarding in the bot: a platform admin issues a one-time join code for a partner
 * company ({@code /partnercode}); a member of the partner's team presses Start with it (or sends
 * the code), confirms their Telegram account by sharing their own contact, and joins the team,
 * so that they get "New chat for your service" for the partner's leads.
 * <p>
 * Its own module rather than part of {@code catalog} or {@code accounts}: it is a bot
 * conversation (needs {@code telegram}, and {@code accounts} for admins and languages), which the
 * catalog, a read model that depends on {@code core} only, should not grow into; and
 * {@code accounts} knows people, not partner companies. The catalog keeps owning team membership
 * and offers one narrow write, {@link com.b2brics.connect.catalog.PartnerTeams#join}; this module
 * owns the codes and the pending confirmations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "accounts", "telegram", "core" })
package com.b2brics.connect.partners;
