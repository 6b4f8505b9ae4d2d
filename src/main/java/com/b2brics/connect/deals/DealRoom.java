package com.b2brics.connect.deals;

import java.util.Locale;

import com.b2brics.connect.telegram.DealChats;

/**
 * A deal's room: its key, its group now, and who is who in it (asked of the module that owns the
 * deal, at the moment of reading).
 */
public record DealRoom(String key, long chatId, DealChats.DealRoles roles) {

	public String storefrontSlug() {
		return roles.storefrontSlug();
	}

	public String summary(Locale locale) {
		return roles.summary(locale);
	}

	public boolean isCustomer(long userId) {
		return roles.isCustomer(userId);
	}

	public boolean isSupplier(long userId) {
		return roles.isSupplier(userId);
	}

	/** Either side: may use the deal room's commands. */
	public boolean isSide(long userId) {
		return roles.isCustomer(userId) || roles.isSupplier(userId);
	}

	public boolean isStaff(long userId) {
		return roles.isStaff(userId);
	}
}
