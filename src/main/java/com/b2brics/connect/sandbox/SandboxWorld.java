package com.b2brics.connect.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.b2brics.connect.sandbox.emulator.ControlError;
import com.b2brics.connect.sandbox.emulator.Sandbox;

/**
 * The embedded sandbox as the app's own code may drive it, in-process: the Java twin of a few
 * control API calls ({@code docs/sandbox.md}), for seeding the offline demo with people and
 * groups. Each action produces the updates Telegram would, so the bot handles them through its
 * normal flow. Exists only next to the app (not in the standalone sandbox server) and only when
 * the embedded sandbox runs, that is never with a real bot token.
 */
public class SandboxWorld {

	private final Sandbox sandbox;

	SandboxWorld(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	/** The simulated user with this id, if the sandbox has one. */
	public Optional<Person> person(long userId) {
		try {
			Map<String, Object> user = sandbox.people().userInfo(userId);
			return Optional.of(new Person(userId, (String) user.get("first_name"), (String) user.get("language_code"),
					Boolean.TRUE.equals(user.get("started_bot"))));
		}
		catch (ControlError notThere) {
			return Optional.empty();
		}
	}

	/** Creates a simulated user with a fixed id; refused with {@link IllegalStateException} if the id is taken. */
	public Person createPerson(long userId, String firstName, String languageCode) {
		try {
			sandbox.people().createUser(userId, firstName, null, null, languageCode, null);
		}
		catch (ControlError refused) {
			throw new IllegalStateException(refused.getMessage(), refused);
		}
		return person(userId).orElseThrow();
	}

	/** The person opens {@code https://t.me/<bot>} and presses Start: the bot gets {@code /start} and may write to them. */
	public void pressStart(long userId) {
		try {
			sandbox.people().openLink(userId, "https://t.me/" + sandbox.bot().username());
		}
		catch (ControlError refused) {
			throw new IllegalStateException(refused.getMessage(), refused);
		}
	}

	/**
	 * The person creates a supergroup and adds the bot as administrator with every right a
	 * group creator usually grants a bot (invite, change info, pin, ban, delete, …), with chat
	 * history hidden from new members (what a working group needs); returns the
	 * new chat's id. The bot learns it from the {@code my_chat_member} update, as in Telegram.
	 */
	public long createGroupWithBotAsAdmin(long creatorId, String title) {
		try {
			// "Chat history for new members: Hidden", as a pool group must be set up
			Map<String, Object> group = sandbox.people().createGroup(title, creatorId, null, "supergroup", "administrator",
					List.of(), false);
			return ((Number) group.get("id")).longValue();
		}
		catch (ControlError refused) {
			throw new IllegalStateException(refused.getMessage(), refused);
		}
	}

	/** The groups this person created where the bot is an administrator now, oldest first. */
	public List<Long> groupsCreatedWithBotAsAdmin(long creatorId) {
		try {
			return sandbox.people()
				.chats(creatorId)
				.stream()
				.filter(chat -> !"private".equals(chat.get("type")) && "creator".equals(chat.get("status")))
				.map(chat -> ((Number) chat.get("id")).longValue())
				.filter(id -> "administrator".equals(sandbox.people().chat(id).get("bot_status")))
				.toList();
		}
		catch (ControlError noSuchPerson) {
			return List.of();
		}
	}

	/** The group's title; empty when the sandbox has no such chat. */
	public Optional<String> title(long chatId) {
		try {
			return Optional.ofNullable((String) sandbox.people().chat(chatId).get("title"));
		}
		catch (ControlError noSuchChat) {
			return Optional.empty();
		}
	}

	/** The group's creator adds the person to it (as Telegram's "Add members"); the bot sees them join. */
	public void addMember(long chatId, long userId) {
		try {
			sandbox.people().addMember(chatId, userId, null);
		}
		catch (ControlError refused) {
			throw new IllegalStateException(refused.getMessage(), refused);
		}
	}

	/** The person writes a text (or a /command) in the chat, as in the Telegram app. */
	public void write(long userId, long chatId, String text) {
		try {
			sandbox.people().write(userId, chatId, text, null);
		}
		catch (ControlError refused) {
			throw new IllegalStateException(refused.getMessage(), refused);
		}
	}

	/** Whether the chat exists in this sandbox with the bot in it (as member or administrator). */
	public boolean botIsIn(long chatId) {
		try {
			Object status = sandbox.people().chat(chatId).get("bot_status");
			return "administrator".equals(status) || "member".equals(status);
		}
		catch (ControlError noSuchChat) {
			return false;
		}
	}

	/** A simulated user as the sandbox knows them. */
	public record Person(long id, String firstName, String languageCode, boolean startedBot) {
	}
}
