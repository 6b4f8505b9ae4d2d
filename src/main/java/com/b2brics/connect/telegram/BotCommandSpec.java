package com.b2brics.connect.telegram;

/**
 * A command some module answers, declared as a bean so that /help can list it, an unknown
 * command can be told apart, and Telegram's command menu is set. {@code descriptionKey} is a
 * message key.
 */
public record BotCommandSpec(String command, String descriptionKey, Scope scope, int order) {

	/**
	 * Where a command works. {@code ADMIN}: private chats of platform admins only; kept out of
	 * Telegram's public command menu, and /help lists it only to them.
	 */
	public enum Scope {
		PRIVATE, GROUP, BOTH, ADMIN;

		public boolean covers(ChatRef chat) {
			return this == BOTH || (this == PRIVATE || this == ADMIN) == chat.isPrivate();
		}

		/** In the command menu every user of the bot sees. */
		public boolean isPublic() {
			return this != ADMIN;
		}
	}
}
