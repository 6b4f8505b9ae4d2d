package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.b2brics.connect.telegram.BotApiEndpoint;
import com.b2brics.connect.telegram.TelegramChats;
import com.b2brics.connect.telegram.TelegramFiles;
import com.google.gson.JsonObject;
import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.ChatInviteLinkResponse;
import com.pengrad.telegrambot.response.GetChatMemberCountResponse;
import com.pengrad.telegrambot.response.GetChatMemberResponse;
import com.pengrad.telegrambot.response.GetChatResponse;
import com.pengrad.telegrambot.response.GetMeResponse;
import com.pengrad.telegrambot.response.SendResponse;

import okhttp3.OkHttpClient;

/**
 * The one place that talks to the Bot API, through pengrad's client. Never throws for a Telegram
 * or network failure: every outcome comes back as an {@link ApiResult}.
 */
final class BotClient implements AutoCloseable {

	private final TelegramBot bot;
	private final BotApiEndpoint endpoint;
	private final OkHttpClient http;

	BotClient(BotApiEndpoint endpoint, Duration requestTimeout) {
		this.endpoint = endpoint;
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
			.readTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.writeTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.retryOnConnectionFailure(false)
			.build();
		this.http = http;
		String root = endpoint.apiUrl().endsWith("/") ? endpoint.apiUrl().substring(0, endpoint.apiUrl().length() - 1)
				: endpoint.apiUrl();
		this.bot = new TelegramBot.Builder(endpoint.token()).apiUrl(root + "/bot")
			.fileApiUrl(root + "/file/bot")
			.okHttpClient(http)
			.build();
	}

	BotApiEndpoint endpoint() {
		return endpoint;
	}

	/**
	 * The file's bytes from the Bot API's file URL (pengrad's {@code getFullFilePath}), reading at most
	 * {@code limit} bytes: a larger file is refused mid-stream, whatever its declared size said.
	 */
	byte[] downloadFile(com.pengrad.telegrambot.model.File file, long limit) {
		okhttp3.Request request = new okhttp3.Request.Builder().url(bot.getFullFilePath(file)).get().build();
		try (okhttp3.Response response = http.newCall(request).execute()) {
			if (response.code() == 404 || response.code() == 400) {
				throw new TelegramFiles.NotFound("file download: HTTP " + response.code());
			}
			if (!response.isSuccessful() || response.body() == null) {
				throw new TelegramChats.TelegramUnavailable("file download: HTTP " + response.code());
			}
			java.io.InputStream in = response.body().byteStream();
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			for (int n; (n = in.read(buffer)) >= 0;) {
				total += n;
				if (total > limit) {
					throw new TelegramFiles.TooLarge("the file has more than " + limit + " bytes");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new TelegramChats.TelegramUnavailable("file download: " + e);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	ApiResult call(String method, JsonObject params) {
		ApiCall call = new ApiCall(method, responseTypeOf(method), params);
		return execute(call);
	}

	<T extends BaseRequest<T, R>, R extends BaseResponse> ApiResult execute(BaseRequest<T, R> request) {
		try {
			return ApiResult.of(bot.execute(request));
		}
		catch (RuntimeException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			return ApiResult.noAnswer(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
	}

	static Class<? extends BaseResponse> responseTypeOf(String method) {
		return switch (method) {
			case "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup" -> SendResponse.class;
			case "createChatInviteLink", "editChatInviteLink", "revokeChatInviteLink" -> ChatInviteLinkResponse.class;
			case "getChatMember" -> GetChatMemberResponse.class;
			case "getChatMemberCount" -> GetChatMemberCountResponse.class;
			case "getChat" -> GetChatResponse.class;
			case "getMe" -> GetMeResponse.class;
			case "getFile" -> com.pengrad.telegrambot.response.GetFileResponse.class;
			case "copyMessage" -> com.pengrad.telegrambot.response.MessageIdResponse.class;
			default -> BaseResponse.class;
		};
	}

	@Override
	public void close() {
		bot.shutdown();
	}
}
