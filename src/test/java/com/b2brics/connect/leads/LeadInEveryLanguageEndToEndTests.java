package com.b2brics.connect.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * People whose Telegram speaks Portuguese (Brazil), Arabic, Chinese (simplified) or Hindi are
 * greeted and led to their working chat in their own language; someone whose Telegram names no
 * language we speak gets the language of the storefront they came from. The expected words are
 * the bundle's for the person's language, so the test holds whether or not that bundle is written yet.
 */
class LeadInEveryLanguageEndToEndTests extends EndToEndTest {

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Texts texts;

	@Test
	void peopleOfFourLanguagesAreGreetedAndLedToTheirChatInTheirOwn() throws Exception {
		serveWaitingLeads();
		Map<String, String[]> people = new java.util.LinkedHashMap<>();
		// Telegram's language_code → the language the bot picks, and a storefront of that language's country
		people.put("pt-br", new String[] { "pt", "brazil" });
		people.put("ar", new String[] { "ar", "egypt" });
		people.put("zh-hans", new String[] { "zh", "china" });
		people.put("hi", new String[] { "hi", "india" });
		for (Map.Entry<String, String[]> person : people.entrySet()) {
			Locale locale = Locale.forLanguageTag(person.getValue()[0]);
			String name = "Speaker" + person.getValue()[0].toUpperCase(Locale.ROOT);
			SimulatedUser importer = sandbox.newUser(name, person.getKey());

			importer.startBot();
			importer.sees(importer.botChat(), firstLine(texts.text(locale, "bot.start.greeting", name)));
			assertThat(accounts.localeOf(importer.id())).as("the language chosen for %s", person.getKey()).isEqualTo(locale);

			Service service = catalog.services(person.getValue()[1]).get(0);
			addPoolGroup("Room in " + locale.getDisplayLanguage(Locale.ENGLISH));
			importer.openLink(contactDeepLink(service));
			String suffix = service.isProduct() ? ".product" : "";
			SeenMessage ready = importer.sees(importer.botChat(), firstLine(texts.text(locale, "lead.group.ready" + suffix,
					service.title(locale), service.partnerName())));
			String open = texts.text(locale, "lead.group.open");
			assertThat(ready.hasButton(open)).as("the button in %s", locale).isTrue();
			importer.press(importer.botChat(), open);
			long group = jdbc.sql("SELECT chat_id FROM leads WHERE importer_id = :id").param("id", importer.id())
				.query(Long.class).single();
			await().atMost(Duration.ofSeconds(10)).until(() -> isGroupMember(group, importer));
			assertThat(importer.pinnedMessage(group).text()).contains(firstLine(texts.text(locale, "lead.group.context" + suffix,
					"", "", "", "", "", "")));
		}
	}

	@Test
	void withoutALanguageWeSpeakThePersonGetsTheLanguageOfTheStorefrontTheyCameFrom() throws Exception {
		Locale arabic = Locale.forLanguageTag("ar");
		SimulatedUser importer = sandbox.newUser("Hans", "de");
		importer.openLink(contactDeepLink(catalog.services("egypt").get(0)));
		await().atMost(Duration.ofSeconds(10)).until(() -> arabic.equals(accounts.localeOf(importer.id())));

		importer.writeToBot("/language");
		importer.sees(importer.botChat(), firstLine(texts.text(arabic, "bot.language.choose")));
		importer.press(importer.botChat(), "English");
		await().atMost(Duration.ofSeconds(10)).until(() -> Locale.ENGLISH.equals(accounts.localeOf(importer.id())));
	}

	/** The text as the person reads it (no HTML), up to its first line break or argument. */
	private static String firstLine(String html) {
		String plain = html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&amp;", "&");
		return plain.split("\n")[0].strip();
	}
}
