package com.b2brics.connect.groups;

/**
 * A pool group became a supergroup with a new id: the pool moved its own records (links, members,
 * refusals), and every module that keeps the chat's id follows it.
 */
public record WorkingGroupMigrated(long fromChatId, long toChatId) {
}
