package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.pengrad.telegrambot.model.File;
import com.pengrad.telegrambot.model.User;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.GetFile;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SendDocument;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.GetFileResponse;
import com.pengrad.telegrambot.response.SendResponse;

/** The Bot API speaks Telegram's wire format: transports, JSON shapes, error bodies. */
class BotApiWireFormatTests extends SandboxTestSupport {

	@Test
	void getMeDescribesTheBotAsPengradReadsIt() {
		User me = bot.execute(new GetMe()).user();

		assertThat(me.id()).isEqualTo(7000000001L);
		assertThat(me.isBot()).isTrue();
		assertThat(me.username()).isEqualTo("B2bricsConnectBot");
		assertThat(me.canJoinGroups()).isTrue();
	}

	@Test
	void wrongTokenIsUnauthorized() {
		Raw raw = get("/bot123:wrong/getMe");

		assertThat(raw.status()).isEqualTo(401);
		assertThat(raw.body()).isEqualTo(Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
	}

	@Test
	void unknownMethodIsNotFound() {
		Raw raw = get("/bot" + TOKEN + "/sendTelepathy");

		assertThat(raw.status()).isEqualTo(404);
		assertThat(raw.body()).isEqualTo(Map.of("ok", false, "error_code", 404, "description", "Not Found"));
	}

	@Test
	void methodNamesAreCaseInsensitive() {
		assertThat(get("/bot" + TOKEN + "/GETME").ok()).isTrue();
		assertThat(get("/bot" + TOKEN + "/getme").ok()).isTrue();
		assertThat(sandbox.stats().calls("getMe")).isEqualTo(2);
	}

	@Test
	void parametersArriveByQueryStringFormOrJson() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		SimulatedUser maria = sandbox.newUser("Maria", "pt");
		SimulatedUser amr = sandbox.newUser("Amr", "ar");
		List.of(ivan, maria, amr).forEach(SimulatedUser::startBot);

		Raw byQuery = get("/bot" + TOKEN + "/sendMessage?chat_id=" + ivan.id() + "&text=by%20query");
		Raw byForm = api("sendMessage", Map.of("chat_id", maria.id(), "text", "by form"));
		Raw byJson = apiJson("sendMessage", Map.of("chat_id", amr.id(), "text", "by json"));

		assertThat(List.of(byQuery, byForm, byJson)).allMatch(Raw::ok);
		assertThat(ivan.lastMessage(ivan.botChat()).text()).isEqualTo("by query");
		assertThat(maria.lastMessage(maria.botChat()).text()).isEqualTo("by form");
		assertThat(amr.lastMessage(amr.botChat()).text()).isEqualTo("by json");
	}

	@Test
	void nestedObjectsMayArriveAsJsonTextInFormFields() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();

		Raw sent = api("sendMessage", Map.of("chat_id", ivan.id(), "text", "Pick one", "reply_markup",
				"{\"inline_keyboard\":[[{\"text\":\"Join chat\",\"callback_data\":\"join:1\"}]]}"));

		assertThat(sent.ok()).isTrue();
		assertThat(sent.result().get("reply_markup")).isEqualTo(
				Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Join chat", "callback_data", "join:1")))));
		assertThat(ivan.lastMessage(ivan.botChat()).hasButton("Join chat")).isTrue();
	}

	@Test
	void messagesUseSnakeCaseAndOmitAbsentFields() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();

		String body = rawBody("sendMessage", Map.of("chat_id", ivan.id(), "text", "Hello"));

		assertThat(body).contains("\"message_id\":", "\"is_bot\":true", "\"first_name\":\"Ivan\"", "\"type\":\"private\"")
			.doesNotContain("null")
			.doesNotContain("messageId");
	}

	@Test
	void pengradParsesWhatTheSandboxSends() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "Petrov", "ivanpetrov", "ru");
		ivan.startBot();

		SendResponse response = bot.execute(new SendMessage(ivan.id(), "<b>Deal</b> #export https://b2brics.com")
			.parseMode(com.pengrad.telegrambot.model.request.ParseMode.HTML)
			.replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton("Open").url("https://b2brics.com/russia"),
					new InlineKeyboardButton("Copy code").copyText("ABC123"))));

		assertThat(response.isOk()).isTrue();
		assertThat(response.message().text()).isEqualTo("Deal #export https://b2brics.com");
		assertThat(response.message().chat().id()).isEqualTo(ivan.id());
		assertThat(response.message().chat().username()).isEqualTo("ivanpetrov");
		assertThat(response.message().entities()).extracting(e -> e.type().name())
			.containsExactly("bold", "hashtag", "url");
		assertThat(response.message().replyMarkup().inlineKeyboard()[0][1].copyText().getText()).isEqualTo("ABC123");
	}

	@Test
	void documentsUploadByMultipartAndDownloadByFilePath() throws Exception {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		byte[] offer = "%PDF-1.4 offer".getBytes(StandardCharsets.US_ASCII);

		SendResponse sent = bot.execute(new SendDocument(ivan.id(), offer).fileName("offer.pdf").caption("Our offer"));
		assertThat(sent.isOk()).as(sent.description()).isTrue();
		String fileId = sent.message().document().fileId();
		GetFileResponse file = bot.execute(new GetFile(fileId));
		File telegramFile = file.file();

		assertThat(sent.message().document().fileName()).isEqualTo("offer.pdf");
		assertThat(sent.message().caption()).isEqualTo("Our offer");
		assertThat(telegramFile.filePath()).startsWith("documents/");
		assertThat(bot.getFileContent(telegramFile)).isEqualTo(offer);
		assertThat(ivan.lastMessage(ivan.botChat()).documentName()).isEqualTo("offer.pdf");
	}

	@Test
	void aDocumentIsSentAgainByItsFileId() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		SimulatedUser maria = sandbox.newUser("Maria", "pt");
		ivan.startBot();
		maria.startBot();
		String fileId = bot.execute(new SendDocument(ivan.id(), new byte[] { 1, 2, 3 }).fileName("a.bin"))
			.message()
			.document()
			.fileId();

		Raw again = api("sendDocument", Map.of("chat_id", maria.id(), "document", fileId));
		Raw unknown = api("sendDocument", Map.of("chat_id", maria.id(), "document", "nope"));

		assertThat(obj(again.result().get("document")).get("file_id")).isEqualTo(fileId);
		assertThat(unknown.description()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
		assertThat(api("getFile", Map.of("file_id", "nope")).description()).isEqualTo("Bad Request: invalid file_id");
	}

	@Test
	void documentsFromPeopleReachTheBotAsDocuments() {
		SimulatedUser ivan = sandbox.newUser("Ivan", "ru");
		ivan.startBot();
		updates();

		ivan.sendDocument(ivan.botChat(), "contract.docx", "contract".getBytes(StandardCharsets.UTF_8));
		Map<String, Object> document = obj(obj(update("message").get("message")).get("document"));
		Raw file = api("getFile", Map.of("file_id", document.get("file_id")));

		assertThat(document.get("file_name")).isEqualTo("contract.docx");
		assertThat(id(document.get("file_size"))).isEqualTo(8);
		assertThat(file.result().get("file_path")).asString().endsWith(".docx");
	}

	@Test
	void malformedJsonBodyIsABadRequest() {
		Raw raw = apiJson("sendMessage", "{not json");

		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.body().get("ok")).isEqualTo(false);
	}

	@Test
	void missingChatIdIsReportedLikeTelegram() {
		assertThat(api("sendMessage", Map.of("text", "x")).description()).isEqualTo("Bad Request: chat_id is empty");
	}
}
