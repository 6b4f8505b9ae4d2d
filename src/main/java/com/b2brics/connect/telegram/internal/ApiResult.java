package com.b2brics.connect.telegram.internal;

import com.pengrad.telegrambot.response.BaseResponse;

/**
 * The outcome of one Bot API call, reduced to what the sender decides on: accepted, told to
 * wait ({@code retryAfter}), moved ({@code migrateTo}), refused for good, or no answer at all
 * (transport failure or time-out: it may or may not have taken effect).
 */
record ApiResult(boolean ok, int errorCode, String description, int retryAfter, long migrateTo, BaseResponse response,
		boolean noAnswer) {

	static ApiResult of(BaseResponse response) {
		if (response == null) {
			return noAnswer("empty response");
		}
		var parameters = response.parameters();
		return new ApiResult(response.isOk(), response.errorCode(), response.description(),
				parameters != null && parameters.retryAfter() != null ? parameters.retryAfter() : 0,
				parameters != null && parameters.migrateToChatId() != null ? parameters.migrateToChatId() : 0, response,
				false);
	}

	static ApiResult noAnswer(String why) {
		return new ApiResult(false, 0, why, 0, 0, null, true);
	}

	boolean tooManyRequests() {
		return errorCode == 429;
	}

	/** Worth trying again: no answer, 429, or a server error. */
	boolean transientFailure() {
		return noAnswer || errorCode == 429 || errorCode >= 500;
	}

	/** The user blocked the bot, never started it, or was deactivated. */
	boolean userUnreachable() {
		return errorCode == 403 && description != null
				&& (description.contains("blocked") || description.contains("can't initiate")
						|| description.contains("deactivated") || description.contains("not a member"));
	}

	boolean notModified() {
		return errorCode == 400 && description != null && description.contains("message is not modified");
	}

	/**
	 * Telegram refused because what the call asks for is already so: the edit, title or
	 * description is unchanged, the person is already in, the link already revoked, the message
	 * already deleted. Typically a retry after a time-out whose first try took effect (the
	 * at-least-once window), so the row is done, not failed. A join request that is gone counts as
	 * handled only on a retry: on a first try someone else (or its sender) settled it.
	 *
	 * @param triedBefore whether an earlier try of this row went out
	 */
	boolean alreadyDone(String method, boolean triedBefore) {
		if (ok || errorCode != 400 || description == null) {
			return false;
		}
		return switch (method) {
			case "editMessageText", "editMessageReplyMarkup", "editMessageCaption" -> notModified();
			case "setChatTitle", "setChatDescription" -> description.contains("is not modified");
			case "approveChatJoinRequest" -> description.contains("USER_ALREADY_PARTICIPANT")
					|| (triedBefore && description.contains("HIDE_REQUESTER_MISSING"));
			case "declineChatJoinRequest" -> triedBefore && description.contains("HIDE_REQUESTER_MISSING");
			case "revokeChatInviteLink" -> description.contains("INVITE_HASH_EXPIRED");
			case "deleteMessage" -> description.contains("message to delete not found");
			default -> false;
		};
	}

	@Override
	public String toString() {
		return ok ? "ok" : noAnswer ? "no answer: " + description : errorCode + " " + description;
	}
}
