package com.b2brics.connect.groups;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of thing that holds a working group (a lead's deal, an exporter's personal group, a
 * referral chat, …), declared by the module that owns it: the pool asks it, when a group is free
 * for one of its holders, how that group is to be set up, and how the admins' shortage alert names
 * a holder that waits. The module asks for groups with {@link GroupPool#request} and records the
 * group it got on {@link WorkingGroupAssigned}.
 */
public interface WorkingGroupHolder {

	/** The kind this holder serves: capitals and _, at most 24 characters, one bean per kind. */
	String kind();

	/**
	 * How the group is set up for the holder, asked in the transaction that assigns it; empty when
	 * the holder no longer wants a group (its request is dropped and the next one is served).
	 */
	Optional<GroupSetup> setUp(long holderId);

	/** One line of the admins' shortage alert naming the waiting holder, in the admin's language, HTML. */
	String waitingLine(long holderId, Locale locale);
}
