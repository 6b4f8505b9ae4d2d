package com.b2brics.connect.telegram.internal;

import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.TelegramChats.TelegramUnavailable;
import com.b2brics.connect.telegram.TelegramFiles;
import com.pengrad.telegrambot.model.File;
import com.pengrad.telegrambot.request.GetFile;
import com.pengrad.telegrambot.response.GetFileResponse;

/** {@link TelegramFiles} through pengrad's getFile and the connection's HTTP client, bounded by size. */
@Component
class DirectFiles implements TelegramFiles {

	private final BotConnection connection;

	DirectFiles(BotConnection connection) {
		this.connection = connection;
	}

	@Override
	public byte[] download(String fileId, long maxBytes) {
		if (fileId == null || fileId.isBlank() || fileId.length() > 256) {
			throw new NotFound("not a file id");
		}
		long limit = Math.min(maxBytes, TELEGRAM_LIMIT);
		BotClient client = connection.client();
		ApiResult result = client.execute(new GetFile(fileId));
		if (!result.ok()) {
			if (result.noAnswer()) {
				connection.noAnswer(result.description());
			}
			if (result.errorCode() == 400 && result.description() != null && result.description().contains("file is too big")) {
				throw new TooLarge("getFile: " + result.description());
			}
			if (result.errorCode() == 400) {
				throw new NotFound("getFile: " + result);
			}
			throw new TelegramUnavailable("getFile: " + result);
		}
		connection.answered();
		File file = ((GetFileResponse) result.response()).file();
		if (file == null || file.filePath() == null) {
			throw new NotFound("getFile gave no file path for " + fileId);
		}
		if (file.fileSize() != null && file.fileSize() > limit) {
			throw new TooLarge("the file has " + file.fileSize() + " bytes, more than " + limit);
		}
		return client.downloadFile(file, limit);
	}
}
