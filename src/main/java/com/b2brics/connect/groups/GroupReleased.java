package com.b2brics.connect.groups;

/** A deal's group was emptied and is free in the pool again. */
public record GroupReleased(long chatId) {
}
