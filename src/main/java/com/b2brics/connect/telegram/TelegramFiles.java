package com.b2brics.connect.telegram;

/**
 * Reads the content of a file people posted (a document's {@code file_id}), the way Telegram lets
 * bots do it: {@code getFile} for a download path, then the file itself from the Bot API's file
 * URL. Telegram serves bots files of at most {@link #TELEGRAM_LIMIT} bytes. A blocking read with
 * a bounded size, for background work (a scheduled task), never for an update handler.
 */
public interface TelegramFiles {

	/** The largest file Telegram lets a bot download (Bot API, getFile: "up to 20 MB in size"). */
	long TELEGRAM_LIMIT = 20L * 1024 * 1024;

	/**
	 * The file's bytes, at most {@code maxBytes} (and never more than {@link #TELEGRAM_LIMIT}).
	 *
	 * @throws TooLarge when the file is larger (known from getFile, Telegram's refusal, or the download)
	 * @throws NotFound when Telegram does not know the file (any more): trying again will not help
	 * @throws TelegramChats.TelegramUnavailable when Telegram did not answer or refused for now: try later
	 */
	byte[] download(String fileId, long maxBytes);

	/** The file is larger than the caller (or Telegram) lets the bot read. */
	class TooLarge extends RuntimeException {

		public TooLarge(String message) {
			super(message);
		}
	}

	/** Telegram refuses the file id for good. */
	class NotFound extends RuntimeException {

		public NotFound(String message) {
			super(message);
		}
	}
}
