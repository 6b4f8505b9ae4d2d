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

	@Override
	public String toString() {
		return ok ? "ok" : noAnswer ? "no answer: " + description : errorCode + " " + description;
	}
}
