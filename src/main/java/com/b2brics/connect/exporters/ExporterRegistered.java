package com.b2brics.connect.exporters;

import java.time.Instant;

/**
 * An exporter completed registration in the bot; published once per exporter, in the
 * registration's transaction (listen after commit).
 *
 * @param exporterId the registration's id
 * @param telegramUserId the exporter's Telegram user (their private chat with the bot)
 * @param companyName the company as the exporter typed it
 * @param storefrontSlug the exporter's country storefront, for example russia
 * @param referralCode the partner's code accepted at registration, upper case; null without one
 * @param contactVerified whether the exporter shared their own contact (always true today: registration requires it)
 * @param registeredAt when registration completed
 */
public record ExporterRegistered(long exporterId, long telegramUserId, String companyName, String storefrontSlug,
		String referralCode, boolean contactVerified, Instant registeredAt) {
}
