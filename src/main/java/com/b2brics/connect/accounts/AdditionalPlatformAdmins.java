package com.b2brics.connect.accounts;

import java.util.List;

/**
 * Platform admins that come from the running setup rather than from {@code B2BRICS_ADMIN_IDS}:
 * a bean of this type adds its ids to {@link PlatformAdmins}. The offline demo uses it for its
 * simulated admin, and only when the embedded sandbox runs; nothing provides one in production.
 */
public interface AdditionalPlatformAdmins {

	/** Telegram user ids to treat as platform admins. */
	List<Long> telegramIds();
}
