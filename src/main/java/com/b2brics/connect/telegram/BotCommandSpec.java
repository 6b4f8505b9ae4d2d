package com.b2brics.connect.telegram;

/**
 * A command some module answers, declared as a bean so that /help can list it, an unknown
 * command can be told apart, and Telegram's command menu is set. {@code descriptionKey} is a
 * message key.
 */
public record BotCommandSpec(String command, String descriptionKey, Scope scope, int order) {

	public enum Scope {
		PRIVATE, GROUP, BOTH;

		public boolean covers(ChatRef chat) {
			return this == BOTH || (this == PRIVATE) == chat.isPrivate();
		}
	}
}
