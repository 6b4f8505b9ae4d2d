package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;

/** Telegram's rules for what a bot may send, answered with Telegram's texts and counted by kind. */
class MessagingRulesTests extends SandboxTestSupport {

	private SimulatedUser ivan;

	private long group;

	@BeforeEach
	void ivanStartedTheBotAndOwnsAGroup() {
		ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		group = sandbox.createGroup("Deal room", ivan);
	}

	private Raw sendHtml(long chat, String html) {
		return api("sendMessage", Map.of("chat_id", chat, "text", html, "parse_mode", "HTML"));
	}

	@Test
	void htmlBecomesEntitiesWithOffsetsInUtf16Units() {
		Raw sent = sendHtml(group,
				"😀 <b>bold</b> &lt;tag&gt; <a href=\"https://b2brics.com\">site</a> <i>it<u>und</u></i>");

		assertThat(sent.result().get("text")).isEqualTo("😀 bold <tag> site itund");
		assertThat(list(sent.result().get("entities"))).containsExactly(
				Map.of("type", "bold", "offset", 3, "length", 4),
				Map.of("type", "text_link", "offset", 14, "length", 4, "url", "https://b2brics.com"),
				Map.of("type", "italic", "offset", 19, "length", 5),
				Map.of("type", "underline", "offset", 21, "length", 3));
		assertThat(ivan.lastMessage(group).raw().get("html")).isEqualTo(
				"😀 <b>bold</b> &lt;tag&gt; <a href=\"https://b2brics.com\" target=\"_blank\">site</a> <i>it<u>und</u></i>");
	}

	@Test
	void unsupportedTagIsRefusedAtItsUtf8ByteOffset() {
		Raw sent = sendHtml(group, "Привет <x>мир</x>");

		assertThat(sent.status()).isEqualTo(400);
		assertThat(sent.description())
			.isEqualTo("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 13");
		assertThat(sandbox.stats().violations("html_invalid")).isEqualTo(1);
	}

	@Test
	void badlyNestedOrUnclosedTagsAreRefused() {
		assertThat(sendHtml(group, "<b>x</i>").description()).isEqualTo(
				"Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"");
		assertThat(sendHtml(group, "<b>x").description())
			.isEqualTo("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
		assertThat(sendHtml(group, "x</b>").description())
			.isEqualTo("Bad Request: can't parse entities: Unexpected end tag at byte offset 1");
		assertThat(sendHtml(group, "<span>x</span>").description())
			.isEqualTo("Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset 0");
	}

	@Test
	void onlyFourNamedEntitiesAreDecoded() {
		Raw sent = sendHtml(group, "&nbsp;&amp;&quot;&#65;&#x42;");

		assertThat(sent.result().get("text")).isEqualTo("&nbsp;&\"AB");
	}

	@Test
	void textLimitIsCountedAfterParsingInUtf16Units() {
		String full = "a".repeat(4096);

		assertThat(sendHtml(group, "<b>" + full + "</b>").ok()).isTrue();
		assertThat(sendHtml(group, full + "b").description()).isEqualTo("Bad Request: message is too long");
		assertThat(sendHtml(group, "😀".repeat(2048)).ok()).isTrue();
		assertThat(sendHtml(group, "😀".repeat(2049)).description()).isEqualTo("Bad Request: message is too long");
		assertThat(sandbox.stats().violations("text_too_long")).isEqualTo(2);
	}

	@Test
	void emptyTextIsRefused() {
		assertThat(api("sendMessage", Map.of("chat_id", group, "text", "   ")).description())
			.isEqualTo("Bad Request: message text is empty");
		assertThat(sendHtml(group, "<b></b>").description()).isEqualTo("Bad Request: message text is empty");
	}

	@Test
	void callbackDataHoldsAtMost64Bytes() {
		String ascii64 = "x".repeat(64);
		String cyrillic66Bytes = "ж".repeat(33);

		Raw fits = api("sendMessage", Map.of("chat_id", group, "text", "ok", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"" + ascii64 + "\"}]]}"));
		Raw tooLong = api("sendMessage", Map.of("chat_id", group, "text", "no", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"B\",\"callback_data\":\"" + cyrillic66Bytes + "\"}]]}"));

		assertThat(fits.ok()).isTrue();
		assertThat(tooLong.description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
		assertThat(sandbox.stats().violations("callback_data_too_long")).isEqualTo(1);
	}

	@Test
	void buttonsWithoutActionOrWithBadMarkupAreRefused() {
		assertThat(api("sendMessage", Map.of("chat_id", group, "text", "x", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"plain\"}]]}")).description())
			.isEqualTo("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
		assertThat(api("sendMessage", Map.of("chat_id", group, "text", "x", "reply_markup", "{nope")).description())
			.isEqualTo("Bad Request: can't parse reply keyboard markup JSON object");
	}

	@Test
	void botCannotWriteFirstToSomeoneWhoNeverStartedIt() {
		SimulatedUser stranger = sandbox.newUser("Stranger", "en");

		Raw sent = api("sendMessage", Map.of("chat_id", stranger.id(), "text", "hi"));
		Raw unknown = api("sendMessage", Map.of("chat_id", 123456, "text", "hi"));

		assertThat(sent.status()).isEqualTo(403);
		assertThat(sent.description()).isEqualTo("Forbidden: bot can't initiate conversation with a user");
		assertThat(unknown.description()).isEqualTo("Bad Request: chat not found");
		assertThat(sandbox.stats().violations("user_not_started")).isEqualTo(1);
	}

	@Test
	void blockingTheBotAnswers403AndTheBotHearsIt() {
		updates();
		ivan.blockBot();

		Map<String, Object> change = obj(update("my_chat_member").get("my_chat_member"));
		Raw sent = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "still there?"));
		assertThat(obj(change.get("new_chat_member")).get("status")).isEqualTo("kicked");
		assertThat(sent.status()).isEqualTo(403);
		assertThat(sent.description()).isEqualTo("Forbidden: bot was blocked by the user");

		ivan.unblockBot();
		assertThat(api("sendMessage", Map.of("chat_id", ivan.id(), "text", "welcome back")).ok()).isTrue();
		assertThat(sandbox.stats().violations("bot_blocked")).isEqualTo(1);
	}

	@Test
	void editingToTheSameContentIsNotModified() {
		String keyboard = "{\"inline_keyboard\":[[{\"text\":\"Accept\",\"callback_data\":\"a\"}]]}";
		long id = id(api("sendMessage", Map.of("chat_id", group, "text", "Stage 1", "reply_markup", keyboard)).result()
			.get("message_id"));

		Raw same = api("editMessageText", Map.of("chat_id", group, "message_id", id, "text", "Stage 1", "reply_markup", keyboard));
		Raw changed = api("editMessageText", Map.of("chat_id", group, "message_id", id, "text", "Stage 1 accepted"));
		Raw sameMarkup = api("editMessageReplyMarkup", Map.of("chat_id", group, "message_id", id));
		Raw missing = api("editMessageText", Map.of("chat_id", group, "message_id", 9999, "text", "x"));

		assertThat(same.description()).isEqualTo("Bad Request: message is not modified: specified new message content "
				+ "and reply markup are exactly the same as a current content and reply markup of the message");
		assertThat(changed.ok()).isTrue();
		assertThat(changed.result()).containsKey("edit_date").doesNotContainKey("reply_markup");
		assertThat(sameMarkup.description()).startsWith("Bad Request: message is not modified");
		assertThat(missing.description()).isEqualTo("Bad Request: message to edit not found");
		assertThat(ivan.messages(group)).filteredOn(m -> m.id() == id)
			.singleElement()
			.satisfies(m -> assertThat(m.edited()).isTrue())
			.satisfies(m -> assertThat(m.text()).isEqualTo("Stage 1 accepted"))
			.satisfies(m -> assertThat(m.buttons()).isEmpty());
	}

	@Test
	void onlyTheBotsOwnMessagesCanBeEdited() {
		long own = ivan.write(group, "mine");

		assertThat(api("editMessageText", Map.of("chat_id", group, "message_id", own, "text", "x")).description())
			.isEqualTo("Bad Request: message can't be edited");
	}

	@Test
	void deletedMessagesDisappearForPeople() {
		long id = id(api("sendMessage", Map.of("chat_id", group, "text", "oops")).result().get("message_id"));

		assertThat(api("deleteMessage", Map.of("chat_id", group, "message_id", id)).ok()).isTrue();
		assertThat(ivan.messages(group)).noneMatch(m -> m.id() == id);
		assertThat(api("deleteMessage", Map.of("chat_id", group, "message_id", id)).description())
			.isEqualTo("Bad Request: message to delete not found");
	}

	@Test
	void replyingToAMissingMessageIsRefusedUnlessAllowed() {
		long target = ivan.write(group, "question");

		Raw reply = apiJson("sendMessage", Map.of("chat_id", group, "text", "answer", "reply_parameters",
				Map.of("message_id", target)));
		Raw missing = api("sendMessage", Map.of("chat_id", group, "text", "x", "reply_to_message_id", 9999));
		Raw allowed = apiJson("sendMessage", Map.of("chat_id", group, "text", "x", "reply_parameters",
				Map.of("message_id", 9999, "allow_sending_without_reply", true)));

		assertThat(obj(reply.result().get("reply_to_message")).get("message_id")).isEqualTo((int) target);
		assertThat(missing.description()).isEqualTo("Bad Request: message to be replied not found");
		assertThat(allowed.ok()).isTrue();
	}

	@Test
	void linkPreviewOptionsAreAccepted() {
		assertThat(apiJson("sendMessage", Map.of("chat_id", group, "text", "https://b2brics.com", "link_preview_options",
				Map.of("is_disabled", true), "disable_web_page_preview", true)).ok()).isTrue();
	}

	@Test
	void replyKeyboardShowsUntilRemoved() {
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "Share your phone", "reply_markup",
				"{\"keyboard\":[[{\"text\":\"Share phone\",\"request_contact\":true}],[\"Later\"]],\"resize_keyboard\":true}"));
		assertThat(ivan.replyKeyboard(ivan.botChat())).containsEntry("resize_keyboard", true);

		clock.reset();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(3))
			.until(() -> api("sendMessage", Map.of("chat_id", ivan.id(), "text", "Thanks", "reply_markup",
					"{\"remove_keyboard\":true}")).ok());
		assertThat(ivan.replyKeyboard(ivan.botChat())).isNull();
	}

	@Test
	void violationsAreCountedByKindAndInTotal() {
		sendHtml(group, "<x>");
		api("sendMessage", Map.of("chat_id", 1, "text", "x"));
		get("/bot1:bad/getMe");

		assertThat(sandbox.stats().violations("html_invalid")).isEqualTo(1);
		assertThat(sandbox.stats().violations("chat_not_found")).isEqualTo(1);
		assertThat(sandbox.stats().violations("unauthorized")).isEqualTo(1);
		assertThat(sandbox.stats().violationsTotal()).isEqualTo(3);
		assertThat(List.of(sandbox.stats().calls("sendMessage"))).containsExactly(2L);
	}
}
