/**
 * Referrals: partners' referral codes and their links, clicks on those links, exporters
 * attributed to the partner whose code they registered with, a working chat between the two,
 * and the statistics a partner sees in the bot cabinet. Implements
 * {@link com.b2brics.connect.exporters.ReferralCodeCheck} for the exporters module and adds the
 * Referrals button to the partner's cabinet through {@link com.b2brics.connect.partners.CabinetEntry}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "accounts", "telegram", "groups",
		"leads", "partners", "exporters", "core" })
package com.b2brics.connect.referrals;
