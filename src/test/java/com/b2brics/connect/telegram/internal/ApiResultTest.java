package com.b2brics.connect.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A call retried after a time-out whose first try took effect meets Telegram's "already so":
 * the row is done, not failed (the simulation's seeds 9, 36, 39, 45 and 51 found each of these
 * ending FAILED). Answers that mean something else stay failures.
 */
class ApiResultTest {

	private static ApiResult refused(String description) {
		return new ApiResult(false, 400, "Bad Request: " + description, 0, 0, null, false);
	}

	@Test
	void whatIsAlreadySoCountsAsDone() {
		assertThat(refused("USER_ALREADY_PARTICIPANT").alreadyDone("approveChatJoinRequest", true)).isTrue();
		assertThat(refused("chat description is not modified").alreadyDone("setChatDescription", true)).isTrue();
		assertThat(refused("chat title is not modified").alreadyDone("setChatTitle", false)).isTrue();
		assertThat(refused("INVITE_HASH_EXPIRED").alreadyDone("revokeChatInviteLink", true)).isTrue();
		assertThat(refused("message to delete not found").alreadyDone("deleteMessage", true)).isTrue();
		assertThat(refused("message is not modified: specified new message content").alreadyDone("editMessageText", false))
			.isTrue();
	}

	@Test
	void aJoinRequestThatIsGoneIsHandledOnlyWhenOurEarlierTryWentOut() {
		assertThat(refused("HIDE_REQUESTER_MISSING").alreadyDone("approveChatJoinRequest", true)).isTrue();
		assertThat(refused("HIDE_REQUESTER_MISSING").alreadyDone("declineChatJoinRequest", true)).isTrue();
		assertThat(refused("HIDE_REQUESTER_MISSING").alreadyDone("approveChatJoinRequest", false)).isFalse();
		assertThat(refused("HIDE_REQUESTER_MISSING").alreadyDone("declineChatJoinRequest", false)).isFalse();
	}

	@Test
	void otherRefusalsAndOtherMethodsStayFailures() {
		assertThat(refused("USER_ALREADY_PARTICIPANT").alreadyDone("sendMessage", true)).isFalse();
		assertThat(refused("chat not found").alreadyDone("setChatDescription", true)).isFalse();
		assertThat(refused("not enough rights to change chat description").alreadyDone("setChatDescription", true)).isFalse();
		assertThat(new ApiResult(false, 403, "Forbidden: bot was kicked", 0, 0, null, false)
			.alreadyDone("revokeChatInviteLink", true)).isFalse();
		assertThat(ApiResult.noAnswer("time-out").alreadyDone("setChatTitle", true)).isFalse();
	}
}
