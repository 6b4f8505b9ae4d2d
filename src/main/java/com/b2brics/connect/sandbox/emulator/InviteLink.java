package com.b2brics.connect.sandbox.emulator;

import java.util.Map;

/** A chat invite link ({@code https://t.me/+…}) with Telegram's limits and its use so far. */
final class InviteLink {

	final String link;

	final long chatId;

	final boolean primary;

	String name;

	Long expireDate;

	Integer memberLimit;

	boolean createsJoinRequest;

	boolean revoked;

	int joined;

	InviteLink(String link, long chatId, boolean primary) {
		this.link = link;
		this.chatId = chatId;
		this.primary = primary;
	}

	Map<String, Object> toJson(Map<String, Object> creator, int pendingRequests) {
		return Json.obj("invite_link", link, "creator", creator, "creates_join_request", createsJoinRequest,
				"is_primary", primary, "is_revoked", revoked, "name", name, "expire_date", expireDate, "member_limit",
				memberLimit, "pending_join_request_count", createsJoinRequest ? pendingRequests : null);
	}
}
