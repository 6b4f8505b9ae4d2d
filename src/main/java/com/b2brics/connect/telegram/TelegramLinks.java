package com.b2brics.connect.telegram;

import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The bot's links: deep links that press Start with a payload, and where a web page sends a
 * visitor to open one (Telegram itself, or whatever a {@link BrowserLinkRewriter} says).
 */
@Component
public class TelegramLinks {

	/** What Telegram accepts as a start payload. */
	public static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TelegramChats chats;
	private final ObjectProvider<BrowserLinkRewriter> rewriter;

	TelegramLinks(TelegramChats chats, ObjectProvider<BrowserLinkRewriter> rewriter) {
		this.chats = chats;
		this.rewriter = rewriter;
	}

	/**
	 * {@code https://t.me/<bot>?start=<payload>}.
	 *
	 * @throws TelegramChats.TelegramUnavailable before Telegram has told the bot its username
	 */
	public String deepLink(String payload) {
		if (!START_PAYLOAD.matcher(payload).matches()) {
			throw new IllegalArgumentException("not a start payload Telegram accepts: " + payload);
		}
		return chats.bot().deepLink(payload);
	}

	/**
	 * The link to one message of a supergroup as Telegram's apps copy it for members,
	 * {@code https://t.me/c/<chat id without -100>/<message id>}; empty for a basic group (Telegram
	 * has no message links there) or a private chat. Only members of the group can open it.
	 */
	public static java.util.Optional<String> messageLink(long chatId, long messageId) {
		String id = Long.toString(chatId);
		if (!id.startsWith("-100") || id.length() <= 4 || messageId <= 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of("https://t.me/c/" + id.substring(4) + "/" + messageId);
	}

	/** Where a browser goes to open the Telegram link. */
	public String forBrowser(String telegramLink) {
		BrowserLinkRewriter current = rewriter.getIfAvailable();
		return current == null ? telegramLink : current.forBrowser(telegramLink);
	}
}
