package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Telegram's command menus as the sandbox stores them after start-up: one per scope (default,
 * all private chats, all group chats) and language (English without a language code, every other
 * supported language with its own), each exactly the declared commands of that scope with their
 * descriptions in that language; and what a person sees, resolved as Telegram does.
 */
class CommandMenusEndToEndTests extends EndToEndTest {

	@Autowired
	BotCommands commands;

	@Autowired
	MessageSource messages;

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> menus() {
		return (List<Map<String, Object>>) (Object) sandboxList("/sandbox/api/bot/commands");
	}

	private List<Object> sandboxList(String path) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path)).GET().build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), List.class);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> menu(String scope, String language) {
		return menus().stream()
			.filter(m -> scope.equals(((Map<String, Object>) m.get("scope")).get("type")) && language.equals(m.get("language_code")))
			.map(m -> (List<Map<String, Object>>) m.get("commands"))
			.findFirst()
			.orElse(List.of());
	}

	private List<Map<String, Object>> expected(Predicate<BotCommands.Declared> in, Locale locale) {
		return commands.all().stream()
			.filter(in)
			.map(d -> Map.<String, Object>of("command", d.command(), "description", messages.getMessage(d.helpKey(), null, locale)))
			.toList();
	}

	@Test
	void everyScopeAndLanguageHasExactlyItsDeclaredCommands() {
		await().atMost(Duration.ofSeconds(30)).until(() -> !menu("all_group_chats", "ru").isEmpty());
		Predicate<BotCommands.Declared> inPrivate = d -> d.where().inPrivate() && d.who() == Who.ANYONE;
		Predicate<BotCommands.Declared> inGroups = d -> d.where().inGroups() && d.who() != Who.ADMIN;
		for (Locale locale : UserLanguage.SUPPORTED) {
			String code = locale.getLanguage().equals("en") ? "" : locale.getLanguage();
			assertThat(menu("all_private_chats", code)).as("private " + locale).isEqualTo(expected(inPrivate, locale));
			assertThat(menu("all_group_chats", code)).as("groups " + locale).isEqualTo(expected(inGroups, locale));
			assertThat(menu("default", code)).as("default " + locale).isEqualTo(expected(d -> d.who() != Who.ADMIN, locale));
		}
		assertThat(menu("all_private_chats", "").stream().map(c -> c.get("command")))
			.contains("start", "help", "language", "register", "cabinet", "stats", "hours")
			.doesNotContain("partnercode", "close", "eta", "invite");
		assertThat(menu("all_group_chats", "").stream().map(c -> c.get("command")))
			.contains("help", "language", "close", "eta", "invite", "cancel_invite")
			.doesNotContain("start", "partnercode", "cabinet");
		assertThat(menu("all_private_chats", "ru")).contains(Map.of("command", "help", "description",
				messages.getMessage("bot.command.help", null, Locale.forLanguageTag("ru"))));
		// English is the list without a code: no second English list
		assertThat(menus()).noneMatch(m -> "en".equals(m.get("language_code")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPersonSeesTheMenuOfTheirChatInTheirLanguage() {
		await().atMost(Duration.ofSeconds(30)).until(() -> !menu("all_private_chats", "ru").isEmpty());
		SimulatedUser rosa = sandbox.newUser("Роза", "ru");
		rosa.startBot();
		SimulatedUser paul = sandbox.newUser("Paul", "pt-br");
		paul.startBot();
		SimulatedUser jonas = sandbox.newUser("Jonas", "de");
		jonas.startBot();
		var rosaSees = (List<Map<String, Object>>) sandbox.get("/sandbox/api/users/" + rosa.id() + "/commands").get("commands");
		var paulSees = (List<Map<String, Object>>) sandbox.get("/sandbox/api/users/" + paul.id() + "/commands").get("commands");
		var jonasSees = (List<Map<String, Object>>) sandbox.get("/sandbox/api/users/" + jonas.id() + "/commands").get("commands");
		assertThat(rosaSees).isEqualTo(menu("all_private_chats", "ru"));
		// Telegram's pt-br app reads the Portuguese list; a language the bot has no list in reads the default (English)
		assertThat(paulSees).isEqualTo(menu("all_private_chats", "pt"));
		assertThat(jonasSees).isEqualTo(menu("all_private_chats", ""));
		assertThat(rosaSees).extracting(c -> c.get("command")).noneMatch(Objects::isNull).doesNotContain("partnercode");
	}

	@Test
	void aCommandInTheWrongPlaceOrBySomeoneNotAllowedGetsTheRoutersAnswer() {
		SimulatedUser vera = sandbox.newUser("Vera", "en");
		vera.startBot();
		vera.writeToBot("/close");
		vera.sees(vera.botChat(), messages.getMessage("lead.close.private", null, Locale.ENGLISH));
		vera.writeToBot("/partnercode");
		vera.sees(vera.botChat(), messages.getMessage("partners.code.notadmin", null, Locale.ENGLISH));
		vera.writeToBot("/help");
		assertThat(vera.sees(vera.botChat(), "What I can do").text()).contains("/cabinet").doesNotContain("/partnercode", "/close");
	}
}
