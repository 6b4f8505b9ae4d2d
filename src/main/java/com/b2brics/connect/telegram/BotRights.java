package com.b2brics.connect.telegram;

/** The administrator rights the bot holds in a group. */
public record BotRights(boolean admin, boolean canInviteUsers, boolean canChangeInfo, boolean canPinMessages,
		boolean canRestrictMembers, boolean canDeleteMessages) {

	public static final BotRights NONE = new BotRights(false, false, false, false, false, false);

	/** True when every right a working group needs is present. */
	public boolean sufficeForWorkingGroup() {
		return admin && canInviteUsers && canChangeInfo && canPinMessages && canRestrictMembers && canDeleteMessages;
	}
}
