package com.b2brics.connect.telegram;

/**
 * Where the bot reaches its Bot API server and how updates come back: the server root
 * (requests go to {@code <apiUrl>/bot<token>/<method>}), the token, and, for webhook delivery,
 * the public webhook URL and its secret. An empty {@code webhookUrl} means long polling.
 */
public record BotApiEndpoint(String apiUrl, String token, String webhookUrl, String webhookSecret) {

	public boolean usesWebhook() {
		return webhookUrl != null && !webhookUrl.isBlank();
	}
}
