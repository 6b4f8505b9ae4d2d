package com.b2brics.connect.groups;

/**
 * A deal's group was emptied, its "Chat history for new members" was found Hidden, and it is
 * free in the pool again.
 */
public record GroupReleased(long chatId) {
}
