package com.b2brics.connect.catalog;

/**
 * A partner's or exporter's team member as the demo catalog ({@code demo/catalog.yml}) describes them: the
 * offline demo makes each one a simulated Telegram user with this id, name and app language.
 *
 * @param telegramId the fixed Telegram user id
 * @param name the first name
 * @param language the language of their Telegram app ({@code ru}, {@code en}, …)
 * @param partnerSlug the partner or exporter company they belong to
 */
public record DemoTeamMember(long telegramId, String name, String language, String partnerSlug) {
}
