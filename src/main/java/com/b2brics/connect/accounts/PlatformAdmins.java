package com.b2brics.connect.accounts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotAdmins;

/**
 * The B2BRICS operators by Telegram user id: the ones configured in {@code B2BRICS_ADMIN_IDS},
 * plus any {@link AdditionalPlatformAdmins} (the offline demo's admin, with the embedded sandbox
 * only). The only people whose groups the bot takes into its pool.
 */
@Component
public class PlatformAdmins implements BotAdmins {

	private final List<Long> ids;

	PlatformAdmins(PlatformAdminIds configured, ObjectProvider<AdditionalPlatformAdmins> additional) {
		Set<Long> all = new LinkedHashSet<>(configured.adminTelegramIds());
		additional.orderedStream().forEach(more -> all.addAll(more.telegramIds()));
		this.ids = List.copyOf(all);
	}

	public boolean contains(long telegramId) {
		return ids.contains(telegramId);
	}

	@Override
	public boolean isAdmin(long userId) {
		return contains(userId);
	}

	/** Every platform admin, configured ones first, without duplicates. */
	@Override
	public List<Long> ids() {
		return ids;
	}
}
