package com.b2brics.connect.telegram;

import java.util.List;

/** The platform admins, as the router needs them for {@link Who#ADMIN} and their own command menus. */
public interface BotAdmins {

	boolean isAdmin(long userId);

	/** Every admin's Telegram user id (their private chat with the bot). */
	List<Long> ids();
}
