package com.b2brics.connect.telegram;

import java.util.Arrays;
import java.util.List;

/** Buttons that go with a message: inline under it, a reply keyboard instead of the user's keyboard, or removal of one. */
public sealed interface Keyboard {

	static Inline inline(List<List<InlineButton>> rows) {
		return new Inline(rows);
	}

	/** One button per row. */
	static Inline column(InlineButton... buttons) {
		return new Inline(Arrays.stream(buttons).map(List::of).toList());
	}

	/** All buttons in one row. */
	static Inline row(InlineButton... buttons) {
		return new Inline(List.of(List.of(buttons)));
	}

	/** A keyboard whose one button shares the user's own phone number (contact verification). */
	static Reply shareContact(String label) {
		return new Reply(List.of(List.of(new ReplyButton(label, true))), true, true);
	}

	static Remove remove() {
		return new Remove();
	}

	record Inline(List<List<InlineButton>> rows) implements Keyboard {
	}

	record Reply(List<List<ReplyButton>> rows, boolean oneTime, boolean resize) implements Keyboard {
	}

	record ReplyButton(String label, boolean requestContact) {
	}

	record Remove() implements Keyboard {
	}
}
