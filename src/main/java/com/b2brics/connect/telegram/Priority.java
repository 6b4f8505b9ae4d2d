package com.b2brics.connect.telegram;

/** Order in which queued messages of different chats go out; within one chat the order is always FIFO. */
public enum Priority {

	/** Reminders, digests. */
	LOW(10),
	/** Ordinary replies. */
	NORMAL(20),
	/** New leads, offers, answers to button presses: people are waiting on them. */
	HIGH(30);

	private final int weight;

	Priority(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}
}
