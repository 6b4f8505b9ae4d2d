package com.b2brics.connect.telegram;

/**
 * How urgent a queued row is. Between chats, higher priorities go out first. Within one chat the
 * order is first in, first out, with one exception, the rule "answers first":
 * <ul>
 * <li>a message sent as {@link #ANSWER} (the answer to what a person just did: a command, a
 * button, a text the bot was waiting for) overtakes the <em>messages</em> of lower priority queued
 * earlier in its chat and not yet sent (informational lines such as "X joined", reminders,
 * notices), because a person is waiting for it and the order between it and those lines tells
 * the reader nothing;</li>
 * <li>it does not overtake an earlier answer, nor any earlier row that is no plain message (a title,
 * a pin, an edit, a removal: the state the answer may describe); edits of a message always keep
 * their order; rows queued after it wait for it as usual;</li>
 * <li>so a handler that posts a notice and then its answer in one go, where the reader needs the
 * notice first, sends both at the same priority (e.g. both as {@link #ANSWER}).</li>
 * </ul>
 * In a group, answers also keep a few places of Telegram's 20-a-minute window to themselves
 * ({@code b2brics.telegram.outbox.answer-reserve}), so a burst of notices never makes a person wait
 * a minute for an answer.
 */
public enum Priority {

	/** Reminders, digests. */
	LOW(10),
	/** Ordinary replies and notices. */
	NORMAL(20),
	/** New leads, offers, notices people are waiting on (keep their order in their chat). */
	HIGH(30),
	/**
	 * The direct answer to a person's action in that chat; overtakes notices queued earlier there
	 * (see above). Not for notices, however urgent: they would lose their order.
	 */
	ANSWER(40);

	private final int weight;

	Priority(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}
}
