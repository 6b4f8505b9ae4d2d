package com.b2brics.connect.groups;

/**
 * A working group joined the pool (or came back to it), its "Chat history for new members" was
 * found Hidden, and it is free.
 */
public record GroupRegistered(long chatId) {
}
