package com.b2brics.connect.telegram;

/**
 * Turns a {@code https://t.me/…} link into the address a web page should send a visitor to. In
 * production there is no rewriter and visitors go to Telegram itself; a Bot API emulator may
 * provide one that opens its own web client instead.
 */
public interface BrowserLinkRewriter {

	String forBrowser(String telegramLink);
}
