package com.b2brics.connect.groups;

/** A working group joined the pool (or came back to it) and is free. */
public record GroupRegistered(long chatId) {
}
