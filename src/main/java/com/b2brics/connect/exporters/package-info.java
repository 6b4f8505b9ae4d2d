/**
 * Exporters in the bot: registration (company, storefront, own contact shared for verification,
 * an optional partner's referral code), and each registered exporter's personal working group
 * with a B2BRICS manager, assigned by fair rotation, where the exporter and the manager can
 * invite partners. Publishes {@link com.b2brics.connect.exporters.ExporterRegistered};
 * asks an optional {@link com.b2brics.connect.exporters.ReferralCodeCheck} (the referrals
 * module implements it) whether a code may be used, so this module never depends on referrals.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "catalog", "accounts", "telegram", "groups", "invitations", "core" })
package com.b2brics.connect.exporters;
