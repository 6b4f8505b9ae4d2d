package com.b2brics.connect.groups;

import java.util.List;

/**
 * How a working group is set up for its holder, as the holder describes it; the pool does it
 * through the outbox, in this order: title, description, the context posted and pinned, then each
 * person's own join link in a private message with one button.
 *
 * @param title the group's title (cut to Telegram's 128 characters with an ellipsis)
 * @param description the group's description (cut to 255)
 * @param context HTML posted in the group and pinned; null for none
 * @param links who gets a personal link, with which role, in which message
 */
public record GroupSetup(String title, String description, String context, List<PersonalLink> links) {

	public GroupSetup {
		title = cut(title, 128);
		description = cut(description == null ? "" : description, 255);
		links = List.copyOf(links);
	}

	/**
	 * A person's own link into the group ({@link GroupInvites}), sent to them privately.
	 *
	 * @param text the HTML of the message that carries the link
	 * @param button the label of the button that opens the link
	 */
	public record PersonalLink(long userId, Role role, String text, String button) {
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max - 1) + "…" : text;
	}
}
