package com.b2brics.connect.telegram;

/** Where a command works; anywhere else the router answers, the owner is not called. */
public enum Where {
	/** The person's private chat with the bot. */
	PRIVATE,
	/** Any group the bot is in. */
	GROUP,
	/** A group that serves an open deal, as a {@link DealChats} knows it. */
	DEAL_GROUP,
	/** Private chats and groups. */
	ANY;

	/** Whether a command of this place goes into the menu of private chats. */
	public boolean inPrivate() {
		return this == PRIVATE || this == ANY;
	}

	/** Whether a command of this place goes into the menu of group chats. */
	public boolean inGroups() {
		return this != PRIVATE;
	}
}
