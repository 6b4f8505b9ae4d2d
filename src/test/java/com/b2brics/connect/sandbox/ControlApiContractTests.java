package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SandboxClient.SandboxException;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;

/** The control API contract (paths and field names as documented), and people acting through it. */
class ControlApiContractTests extends SandboxTestSupport {

	@Test
	void usersAreCreatedAndListedWithTheirFields() {
		Map<String, Object> created = sandbox.post("/sandbox/api/users",
				Map.of("first_name", "Ivan", "last_name", "Petrov", "username", "ivan_petrov", "language_code", "ru"));

		assertThat(created).containsKey("id");
		assertThat(sandbox.users()).singleElement()
			.satisfies(u -> assertThat(u).containsEntry("id", created.get("id"))
				.containsEntry("first_name", "Ivan")
				.containsEntry("last_name", "Petrov")
				.containsEntry("username", "ivan_petrov")
				.containsEntry("language_code", "ru"));
	}

	@Test
	void aUserCanBeCreatedWithAFixedIdOnceOnly() {
		Map<String, Object> created = sandbox.post("/sandbox/api/users", Map.of("id", 6200000042L, "first_name", "Fixed"));
		assertThat(((Number) created.get("id")).longValue()).isEqualTo(6200000042L);
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/users", Map.of("id", 6200000042L, "first_name", "Again")))
			.isInstanceOf(SandboxException.class)
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(409));
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/users", Map.of("id", -5, "first_name", "Negative")))
			.isInstanceOf(SandboxException.class)
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400));
	}

	@Test
	void aTextOverTelegramsLimitIsSentAsSeveralMessagesAsTelegramAppsDo() {
		SimulatedUser wordy = sandbox.newUser("Wordy", "en");
		wordy.startBot();
		Map<String, Object> sent = sandbox.post("/sandbox/api/users/" + wordy.id() + "/messages",
				Map.of("chat_id", wordy.id(), "text", "a".repeat(4096) + "b".repeat(904)));
		assertThat(list(sent.get("message_ids"))).hasSize(2);
		List<SeenMessage> texts = wordy.messages(wordy.botChat()).stream().filter(m -> m.fromId() == wordy.id()).toList();
		assertThat(texts.get(texts.size() - 2).text()).hasSize(4096).matches("a+");
		assertThat(texts.get(texts.size() - 1).text()).hasSize(904).matches("b+");
	}

	@Test
	void theBotIsDescribedAsUsersSeeIt() {
		assertThat(sandbox.get("/sandbox/api/bot")).containsEntry("id", 7000000001L)
			.containsEntry("username", "B2bricsConnectBot");
	}

	@Test
	void aDeepLinkPressesStartWithItsPayload() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");

		SimulatedUser.LinkResult opened = ivan.openLink("https://t.me/B2bricsConnectBot?start=lead_Ab-9");

		assertThat(opened.result()).isEqualTo("start_sent");
		assertThat(opened.chatId()).isEqualTo(ivan.id());
		Map<String, Object> message = obj(update("message").get("message"));
		assertThat(message.get("text")).isEqualTo("/start lead_Ab-9");
		assertThat(list(message.get("entities"))).containsExactly(Map.of("type", "bot_command", "offset", 0, "length", 6));
	}

	@Test
	void anInvalidStartPayloadIsDroppedAndCounted() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");

		SimulatedUser.LinkResult opened = ivan.startBot("x".repeat(65));
		ivan.startBot("bad!payload");

		assertThat(opened.raw()).containsEntry("payload_dropped", true);
		assertThat(updatesUntil(u -> true)).extracting(u -> obj(u.get("message")).get("text"))
			.containsOnly("/start");
		assertThat(sandbox.stats().violations("start_payload_invalid")).isEqualTo(2);
	}

	@Test
	void aDeepLinkForAnotherBotIsRefused() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");

		assertThatThrownBy(() -> ivan.openLink("https://t.me/OtherBot?start=x")).isInstanceOf(SandboxException.class)
			.hasMessageContaining("400")
			.hasMessageContaining("@B2bricsConnectBot");
		assertThatThrownBy(() -> ivan.openLink("https://example.com")).hasMessageContaining("not a Telegram link");
	}

	@Test
	void pressingACallbackButtonReturnsTheBotsAnswer() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.startBot();
		updates();
		api("sendMessage", Map.of("chat_id", partner.id(), "text", "New chat for your service", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Join chat\",\"callback_data\":\"join:42\"}]]}"));
		CompletableFuture<Map<String, Object>> answering = CompletableFuture.supplyAsync(() -> {
			Map<String, Object> query = obj(update("callback_query").get("callback_query"));
			bot.execute(new AnswerCallbackQuery((String) query.get("id")).text("Opening the group"));
			return query;
		});

		SimulatedUser.PressResult pressed = partner.press(partner.botChat(), "Join chat");

		Map<String, Object> query = answering.join();
		assertThat(pressed.result()).isEqualTo("callback_answered");
		assertThat(pressed.text()).isEqualTo("Opening the group");
		assertThat(query).containsEntry("data", "join:42").containsKeys("id", "from", "message", "chat_instance");
		assertThat(partner.lastCallbackAnswer(partner.botChat())).containsEntry("text", "Opening the group");
		assertThat(api("answerCallbackQuery", Map.of("callback_query_id", query.get("id"))).description())
			.isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
	}

	@Test
	void aCallbackNobodyAnswersIsReportedAsSent() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.startBot();
		api("sendMessage", Map.of("chat_id", partner.id(), "text", "Offer", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Decline\",\"callback_data\":\"d\"}]]}"));

		SimulatedUser.PressResult pressed = partner.pressWithoutWaiting(partner.botChat(), "Decline");

		assertThat(pressed.result()).isEqualTo("callback_sent");
		assertThat(pressed.answered()).isFalse();
	}

	@Test
	void pressingAUrlButtonWithAnInviteLinkJoinsTheGroup() {
		SimulatedUser admin = sandbox.newUser("Olga", "ru");
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.startBot();
		long group = sandbox.createGroup("Deal", admin);
		String link = (String) api("createChatInviteLink", Map.of("chat_id", group)).result().get("invite_link");
		api("sendMessage", Map.of("chat_id", partner.id(), "text", "You are invited", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Join chat\",\"url\":\"" + link + "\"}]]}"));

		SimulatedUser.PressResult pressed = partner.press(partner.botChat(), "Join chat");

		assertThat(pressed.result()).isEqualTo("joined");
		assertThat(pressed.raw()).containsEntry("url", link).containsEntry("chat_id", group);
		assertThat(partner.chats()).anySatisfy(c -> assertThat(id(c.get("id"))).isEqualTo(group));
	}

	@Test
	void pressingACopyTextButtonCopiesItsText() {
		SimulatedUser partner = sandbox.newUser("Paulo", "pt");
		partner.startBot();
		api("sendMessage", Map.of("chat_id", partner.id(), "text", "Your referral code: K7M2QX", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Copy code\",\"copy_text\":{\"text\":\"K7M2QX\"}}]]}"));

		SimulatedUser.PressResult pressed = partner.press(partner.botChat(), "Copy code");

		assertThat(pressed.result()).isEqualTo("text_copied");
		assertThat(pressed.text()).isEqualTo("K7M2QX");
	}

	@Test
	void aRequestContactButtonSharesTheUsersOwnContact() {
		SimulatedUser exporter = sandbox.newUser("Amr", "ar");
		exporter.startBot();
		updates();
		api("sendMessage", Map.of("chat_id", exporter.id(), "text", "Verify your phone", "reply_markup",
				"{\"keyboard\":[[{\"text\":\"Share phone\",\"request_contact\":true}]],\"one_time_keyboard\":true}"));

		SimulatedUser.PressResult pressed = exporter.press(exporter.botChat(), "Share phone");

		assertThat(pressed.result()).isEqualTo("contact_shared");
		Map<String, Object> contact = obj(obj(update("message").get("message")).get("contact"));
		assertThat(contact.get("user_id")).isEqualTo(exporter.id());
		assertThat((String) contact.get("phone_number")).startsWith("+");
		assertThat(exporter.replyKeyboard(exporter.botChat())).as("one-time keyboard hides after use").isNull();
	}

	@Test
	void sharingAContactDirectlyUsesTheGivenPhone() {
		SimulatedUser exporter = sandbox.newUser("Amr", "ar");
		exporter.startBot();
		updates();

		exporter.shareContact("+201001234567");

		Map<String, Object> contact = obj(obj(update("message").get("message")).get("contact"));
		assertThat(contact).containsEntry("phone_number", "+201001234567").containsEntry("user_id", exporter.id());
	}

	@Test
	void aPlainReplyButtonSendsItsText() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		updates();
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "Menu", "reply_markup", "{\"keyboard\":[[\"Support\"]]}"));

		ivan.press(ivan.botChat(), "Support");

		assertThat(obj(update("message").get("message")).get("text")).isEqualTo("Support");
	}

	@Test
	void pressingAMissingLabelIsNotFound() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();

		assertThatThrownBy(() -> ivan.press(ivan.botChat(), "Nope")).isInstanceOf(SandboxException.class)
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(404))
			.hasMessageContaining("no button \"Nope\"");
	}

	@Test
	void unknownUsersAndChatsAre404AndBadInputIs400() {
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/users/999/messages", Map.of("chat_id", 1, "text", "x")))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(404));
		assertThatThrownBy(() -> sandbox.get("/sandbox/api/chats/-42/messages"))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(404));
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/users", Map.of("last_name", "NoFirst")))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400))
			.hasMessageContaining("first_name");
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/users/" + ivan.id() + "/messages", Map.of("chat_id", "abc", "text", "x")))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400));
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/faults", Map.of("rate_429", 2)))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400));
		assertThatThrownBy(() -> ivan.writeToBot("before start"))
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(404));
	}

	@Test
	void resetForgetsPeopleButKeepsTheBotsWebhook() {
		api("setWebhook", Map.of("url", "http://127.0.0.1:9/telegram/webhook", "secret_token", "abc"));
		sandbox.newUser("Ivan", "ru");
		sandbox.faults(Map.of("rate_5xx", 0.5, "seed", 1));

		sandbox.reset();

		assertThat(sandbox.users()).isEmpty();
		assertThat(sandbox.stats().calls("setWebhook")).isZero();
		assertThat(sandbox.get("/sandbox/api/faults")).containsEntry("rate_5xx", 0.0);
		assertThat(api("getWebhookInfo", Map.of()).result()).containsEntry("url", "http://127.0.0.1:9/telegram/webhook")
			.containsEntry("pending_update_count", 0);
	}

	@Test
	void messagesShowWhatTheUserSees() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "<b>Hello</b>", "parse_mode", "HTML", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}"));

		Map<String, Object> view = ivan.view(ivan.botChat());
		Map<String, Object> last = list(view.get("messages")).get(1);

		assertThat(last).containsKeys("id", "from", "text", "reply_markup", "pinned", "date", "edited", "entities", "html");
		assertThat(last).containsEntry("text", "Hello").containsEntry("html", "<b>Hello</b>").containsEntry("pinned", false);
		assertThat(obj(last.get("from"))).containsEntry("id", 7000000001L);
		SeenMessage seen = ivan.lastMessage(ivan.botChat());
		assertThat(seen.buttons()).containsExactly("Go");
		assertThat(seen.fromId()).isEqualTo(7000000001L);
		assertThat(ivan.sees(ivan.botChat(), "Hello").id()).isEqualTo(seen.id());
	}

	@Test
	void theBotsIdAlsoAddressesThePrivateChat() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();

		ivan.write(7000000001L, "via the bot's id");

		assertThat(ivan.messages(7000000001L)).extracting(SeenMessage::text).contains("via the bot's id");
	}

	@Test
	void chatsAndMembersAreListedWithStatus() {
		SimulatedUser admin = sandbox.newUser("Olga", "ru");
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		long group = sandbox.createGroup("Deal", admin);
		sandbox.addMember(group, ivan);

		assertThat(ivan.chats()).extracting(c -> c.get("type")).containsExactly("private", "supergroup");
		assertThat(sandbox.members(group)).extracting(SandboxClient.Member::status)
			.containsExactly("creator", "administrator", "member");
	}

	@Test
	void peopleEditTheirMessagesAndTheBotHearsIt() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		long id = ivan.writeToBot("typo");
		updates();

		ivan.edit(ivan.botChat(), id, "fixed");

		Map<String, Object> edited = obj(update("edited_message").get("edited_message"));
		assertThat(edited).containsEntry("text", "fixed").containsKey("edit_date");
		assertThat(ivan.lastMessage(ivan.botChat()).edited()).isTrue();
	}

	@Test
	void aBlockedUserCannotWriteUntilUnblocked() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		ivan.blockBot();

		assertThatThrownBy(() -> ivan.writeToBot("hi")).satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(409));
		ivan.startBot("again");
		assertThat(ivan.writeToBot("hi again")).isPositive();
	}

	@Test
	void statsCountCallsPerMethod() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		api("getMe", Map.of());
		api("getMe", Map.of());
		api("sendMessage", Map.of("chat_id", ivan.id(), "text", "x"));

		assertThat(sandbox.stats().calls("getMe")).isEqualTo(2);
		assertThat(sandbox.stats().calls("sendMessage")).isEqualTo(1);
		assertThat(sandbox.stats().raw()).containsKeys("calls", "too_many_requests", "faults_injected",
				"timeouts_after_effect", "rule_violations", "webhook");
	}

	@Test
	void theWebClientRendersAndOpensLinksAsTheChosenPerson() throws Exception {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String deepLink = URLEncoder.encode("https://t.me/B2bricsConnectBot?start=lead_web", StandardCharsets.UTF_8);

		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chooser = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/open?url=" + deepLink)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> opened = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/open?url=" + deepLink + "&user=" + ivan.id())).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chat = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox?user=" + ivan.id() + "&chat=" + ivan.id())).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Telegram sandbox");
		assertThat(chooser.body()).contains("Who are you?", ">Start<", "start=lead_web", "Ivan");
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("sandbox_user=" + ivan.id()));
		assertThat(chat.body()).contains("/start lead_web");
	}

	@Test
	void theWebClientShowsGroupsWithServiceMessagesDocumentsAndKeyboards() throws Exception {
		SimulatedUser olga = sandbox.newUser("Olga", "ru");
		olga.startBot();
		long group = sandbox.createGroup("Deal #42", olga);
		olga.sendDocument(group, "offer.pdf", new byte[] { 1 });
		long context = id(api("sendMessage", Map.of("chat_id", group, "text", "Context <b>message</b>", "parse_mode", "HTML"))
			.result()
			.get("message_id"));
		api("pinChatMessage", Map.of("chat_id", group, "message_id", context));
		api("sendMessage", Map.of("chat_id", olga.id(), "text", "Verify", "reply_markup",
				"{\"keyboard\":[[{\"text\":\"Share phone\",\"request_contact\":true}]]}"));
		olga.shareContact("+79990001122");
		HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		HttpResponse<String> groupPage = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox?user=" + olga.id() + "&chat=" + group)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> botPage = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox?user=" + olga.id() + "&chat=" + olga.id())).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> fragment = browser.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/messages?user=" + olga.id() + "&chat=" + group)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(groupPage.statusCode()).isEqualTo(200);
		assertThat(groupPage.body()).contains("offer.pdf", "Context <b>message</b>", "pinned", "Deal #42");
		assertThat(botPage.statusCode()).isEqualTo(200);
		assertThat(botPage.body()).contains("+79990001122", "Share phone");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"chat-body\"").doesNotContain("<html");
	}

	@Test
	void aStaleOrGarbledPersonCookieIsIgnored() throws Exception {
		HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox"))
			.header("Cookie", "sandbox_user=not-a-number")
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> gone = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox"))
			.header("Cookie", "sandbox_user=42")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(gone.statusCode()).isEqualTo(200);
		assertThat(gone.body()).contains("Choose or create a person");
	}

	@Test
	void twoSandboxesInOneJvmAreIndependent() {
		sandbox.newUser("Ivan", "ru");
		try (SandboxServer.Running other = SandboxServer.start(Map.of("logging.level.root", "WARN"))) {
			SandboxClient second = new SandboxClient(other.baseUrl());
			second.newUser("Maria", "pt");

			assertThat(second.users()).extracting(u -> u.get("first_name")).containsExactly("Maria");
			assertThat(sandbox.users()).extracting(u -> u.get("first_name")).containsExactly("Ivan");
			assertThat(other.port()).isNotEqualTo(SharedSandbox.environment().running().port());
		}
		assertThat(List.of(sandbox.bot().username())).containsExactly("B2bricsConnectBot");
	}

	@Test
	void aLaterJoinerDoesNotSeeThePreviousDealsMessagesWhenHistoryIsHidden() throws Exception {
		SimulatedUser admin = sandbox.newUser("Olga", "ru");
		SimulatedUser importer = sandbox.newUser("Ivan", "ru");
		long group = sandbox.createGroup("Deal", admin);
		api("sendMessage", Map.of("chat_id", group, "text", "Context of the deal"));
		int pin = ((Number) api("sendMessage", Map.of("chat_id", group, "text", "Pinned context")).result().get("message_id"))
			.intValue();
		api("pinChatMessage", Map.of("chat_id", group, "message_id", pin));
		admin.write(group, "Our price is 12,400 USD");
		admin.sees(group, "12,400 USD");

		sandbox.addMember(group, importer);

		assertThat(sandbox.get("/sandbox/api/chats/" + group)).containsEntry("history_visible", false);
		assertThat(importer.messages(group)).extracting(SeenMessage::text).doesNotContain("Our price is 12,400 USD",
				"Context of the deal");
		assertThat(importer.chats()).filteredOn(c -> id(c.get("id")) == group)
			.singleElement()
			.satisfies(c -> assertThat(String.valueOf(c.get("last_message"))).doesNotContain("12,400"));
		// the pin bar is the chat's state, shown to members (the bot pins a deal's context before people join)
		assertThat(importer.pinnedMessage(group).text()).isEqualTo("Pinned context");
		admin.write(group, "Welcome, Ivan");
		assertThat(importer.sees(group, "Welcome, Ivan")).isNotNull();
		// the web client shows the importer what they may see, and nothing older
		String page = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox?user=" + importer.id() + "&chat=" + group)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("Welcome, Ivan").doesNotContain("12,400 USD");
	}

	@Test
	void aLaterJoinerSeesTheEarlierMessagesWhenHistoryIsVisible() {
		SimulatedUser admin = sandbox.newUser("Olga", "ru");
		SimulatedUser importer = sandbox.newUser("Ivan", "ru");
		long group = ((Number) sandbox.post("/sandbox/api/groups",
				Map.of("title", "Deal", "creator_id", admin.id(), "history_visible", true)).get("id")).longValue();
		admin.write(group, "Our price is 12,400 USD");

		sandbox.addMember(group, importer);

		assertThat(importer.messages(group)).extracting(SeenMessage::text).contains("Our price is 12,400 USD");
	}

	@Test
	void anAdminTurnsTheHistoryVisibleAndHiddenAgainInTheGroupsSettings() {
		SimulatedUser admin = sandbox.newUser("Olga", "ru");
		SimulatedUser importer = sandbox.newUser("Ivan", "ru");
		long group = sandbox.createGroup("Deal", admin);
		admin.write(group, "Our price is 12,400 USD");
		sandbox.addMember(group, importer);
		assertThat(importer.messages(group)).extracting(SeenMessage::text).doesNotContain("Our price is 12,400 USD");

		Map<String, Object> changed = sandbox.post("/sandbox/api/groups/" + group + "/settings",
				Map.of("history_visible", true));

		assertThat(changed).containsEntry("result", "settings_changed").containsEntry("history_visible", true);
		assertThat(importer.messages(group)).extracting(SeenMessage::text).contains("Our price is 12,400 USD");
		sandbox.post("/sandbox/api/groups/" + group + "/settings", Map.of("history_visible", false));
		assertThat(importer.messages(group)).extracting(SeenMessage::text).doesNotContain("Our price is 12,400 USD");

		// only an administrator changes it; bad input changes nothing
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/groups/" + group + "/settings",
				Map.of("history_visible", true, "by", importer.id())))
			.isInstanceOf(SandboxException.class)
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(409));
		for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("history_visible", "yes"))) {
			assertThatThrownBy(() -> sandbox.post("/sandbox/api/groups/" + group + "/settings", bad))
				.isInstanceOf(SandboxException.class)
				.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400));
		}
		assertThatThrownBy(() -> sandbox.post("/sandbox/api/groups",
				Map.of("title", "Deal", "creator_id", admin.id(), "history_visible", "visible")))
			.isInstanceOf(SandboxException.class)
			.satisfies(e -> assertThat(((SandboxException) e).status()).isEqualTo(400));
		assertThat(sandbox.get("/sandbox/api/chats/" + group)).containsEntry("history_visible", false);
	}
}
