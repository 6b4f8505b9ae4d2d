package com.b2brics.connect.groups;

/** Why someone is in a working group; each invite link is made for one person in one role. */
public enum Role {

	IMPORTER, PARTNER, EXPORTER, MANAGER, SUPPORT,
	/** A partner brought in by an invitation; the invitations module tells the group what for. */
	INVITED_PARTNER;

	/** The message the group gets when someone of this role joins; null when the inviting module tells it. */
	String joinedMessageKey() {
		return switch (this) {
			case IMPORTER -> "groups.joined.importer";
			case PARTNER -> "groups.joined.partner";
			case EXPORTER -> "groups.joined.exporter";
			case MANAGER -> "groups.joined.manager";
			case SUPPORT -> null; // support tells the group which ticket brought them
			case INVITED_PARTNER -> null;
		};
	}
}
