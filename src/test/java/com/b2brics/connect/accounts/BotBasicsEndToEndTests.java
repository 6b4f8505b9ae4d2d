package com.b2brics.connect.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** The bot's basics as people meet them in Telegram: greeting, language, help, and what it does with nonsense. */
class BotBasicsEndToEndTests extends EndToEndTest {

	@Test
	void openingTheBotAndPressingStartGreetsInRussianForARussianUser() {
		SimulatedUser ivan = sandbox.newUser("Иван", "ru");
		var opened = ivan.openLink("https://t.me/" + sandbox.bot().username());
		assertThat(opened.result()).isEqualTo("start_sent");
		var greeting = ivan.sees(ivan.botChat(), "Здравствуйте, Иван!");
		assertThat(greeting.text()).contains("B2BRICS").contains("/help");
	}

	@Test
	void openingTheBotAndPressingStartGreetsInEnglishForAnEnglishUser() {
		SimulatedUser mary = sandbox.newUser("Mary", "en");
		mary.openLink("https://t.me/" + sandbox.bot().username());
		assertThat(mary.sees(mary.botChat(), "Hello, Mary!").text()).contains("Contact in Telegram");
	}

	@Test
	void aLanguageTheBotDoesNotSpeakFallsBackToEnglish() {
		SimulatedUser jonas = sandbox.newUser("Jonas", "de");
		jonas.startBot();
		jonas.sees(jonas.botChat(), "Hello, Jonas!");
	}

	@Test
	void namesAreShownAsTextNeverAsMarkup() {
		SimulatedUser tricky = sandbox.newUser("<b>Boss</b> & Co", "en");
		tricky.startBot();
		assertThat(tricky.sees(tricky.botChat(), "Hello,").text()).contains("<b>Boss</b> & Co");
	}

	@Test
	void languageCommandSwitchesTheLanguageOfLaterAnswers() {
		SimulatedUser anna = sandbox.newUser("Anna", "en");
		anna.startBot();
		anna.sees(anna.botChat(), "Hello, Anna!");
		anna.writeToBot("/language");
		anna.sees(anna.botChat(), "Choose your language");
		var pressed = anna.press(anna.botChat(), "Русский");
		assertThat(pressed.text()).isEqualTo("Язык: русский.");
		anna.sees(anna.botChat(), "Язык: русский.");
		anna.writeToBot("/help");
		assertThat(anna.sees(anna.botChat(), "Что я умею").text()).contains("/language — Сменить язык");
	}

	@Test
	void helpListsTheCommandsInTheUsersLanguage() {
		SimulatedUser ben = sandbox.newUser("Ben", "en");
		ben.startBot();
		ben.writeToBot("/help");
		var help = ben.sees(ben.botChat(), "What I can do");
		assertThat(help.text()).contains("/start", "/help", "/language");
	}

	@Test
	void unknownCommandGetsAShortHelp() {
		SimulatedUser olga = sandbox.newUser("Olga", "ru");
		olga.startBot();
		olga.writeToBot("/teleport now");
		var answer = olga.sees(olga.botChat(), "Я не знаю команду /teleport");
		assertThat(answer.text()).contains("/help");
	}

	@Test
	void fiveThousandCharacterTextGetsAClearAnswer() {
		SimulatedUser long_ = sandbox.newUser("Lev", "en");
		long_.startBot();
		long_.sees(long_.botChat(), "Hello, Lev!");
		long_.writeToBot("x".repeat(5000));
		long_.sees(long_.botChat(), "I work with buttons and commands");
		// the bot is still answering normally afterwards
		long_.writeToBot("/help");
		long_.sees(long_.botChat(), "What I can do");
	}

	@Test
	void aButtonMeantForAnotherUserIsRefusedAndChangesNothing() {
		SimulatedUser owner = sandbox.newUser("Owner", "en");
		SimulatedUser other = sandbox.newUser("Other", "en");
		owner.startBot();
		other.startBot();
		long group = sandbox.createGroup("Language test", platformAdmin());
		sandbox.addMember(group, owner);
		sandbox.addMember(group, other);
		owner.write(group, "/language");
		owner.sees(group, "Choose your language");
		var pressed = other.press(group, "Русский");
		assertThat(pressed.text()).isEqualTo("This button is meant for someone else.");
		other.writeToBot("/help");
		other.sees(other.botChat(), "What I can do");
		owner.writeToBot("/help");
		await().atMost(Duration.ofSeconds(10)).until(() -> owner.messages(owner.botChat()).stream()
			.anyMatch(m -> m.text() != null && m.text().startsWith("What I can do")));
		assertThat(owner.currentlySees(owner.botChat(), "Что я умею")).isFalse();
	}
}
