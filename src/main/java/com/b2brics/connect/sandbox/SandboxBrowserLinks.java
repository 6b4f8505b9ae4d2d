package com.b2brics.connect.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.b2brics.connect.telegram.BrowserLinkRewriter;

/**
 * In sandbox mode a "Contact in Telegram" click lands in the sandbox's web client, which asks
 * who the visitor is and opens the link as that simulated person.
 */
class SandboxBrowserLinks implements BrowserLinkRewriter {

	@Override
	public String forBrowser(String telegramLink) {
		return "/sandbox/open?url=" + URLEncoder.encode(telegramLink, StandardCharsets.UTF_8);
	}
}
