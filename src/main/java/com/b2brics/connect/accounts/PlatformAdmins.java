package com.b2brics.connect.accounts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The B2BRICS operators by Telegram user id ({@code B2BRICS_ADMIN_IDS}): the only people whose
 * groups the bot takes into its pool.
 */
@ConfigurationProperties("b2brics")
public record PlatformAdmins(@DefaultValue List<Long> adminTelegramIds) {

	public boolean contains(long telegramId) {
		return adminTelegramIds.contains(telegramId);
	}

	public List<Long> ids() {
		return adminTelegramIds;
	}
}
