package com.b2brics.connect.groups;

/**
 * An admin took a held group back ({@code /admin/groups}): the holder's module lets go of it now,
 * in the same transaction (its people are told, its state changes); the group is then emptied and
 * returned to the pool ({@link GroupPool#release}, which the holder may call itself first).
 *
 * @param by the admin's login
 */
public record GroupTakenBack(long chatId, GroupPool.Holder holder, String by) {
}
