package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * A working group's notices are written in the languages of the people in it, each once: not
 * always English and Russian. The expected words are the bundles' for each language, so the test
 * holds whether or not the Arabic and Chinese bundles are written yet.
 */
class GroupLanguagesEndToEndTests extends EndToEndTest {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");
	private static final Locale CHINESE = Locale.forLanguageTag("zh");

	@Autowired
	GroupTexts groupTexts;

	@Autowired
	Texts texts;

	@Test
	void aGroupWithAnArabicAndAChineseMemberGetsEachNoticeInExactlyThoseTwoLanguages() {
		// a chat of the bot's own records only: no waiting lead of another test can take it and bring its people
		long group = -1_009_000_000_000L - System.nanoTime() % 1_000_000_000L;
		SimulatedUser arabic = sandbox.newUser("Amira", "ar-EG");
		SimulatedUser chinese = sandbox.newUser("Li", "zh-hans");
		SimulatedUser chineseToo = sandbox.newUser("Wang", "zh-hant-tw");
		for (SimulatedUser person : List.of(arabic, chinese, chineseToo)) {
			person.startBot();
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc
				.sql("SELECT COUNT(*) FROM bot_users WHERE telegram_id = :id").param("id", person.id()).query(Long.class).single() == 1);
			// as the bot records a member it saw join
			jdbc.sql("INSERT INTO group_members (chat_id, user_id, joined_at) VALUES (:chat, :user, :at)")
				.param("chat", group).param("user", person.id()).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
		}

		assertThat(groupTexts.languagesOf(group)).containsExactly(ARABIC, CHINESE);
		String notice = groupTexts.forGroup(group, "lead.inactive.warning", 6, 24);
		assertThat(notice.split(GroupTexts.BETWEEN_LANGUAGES)).containsExactly(texts.text(ARABIC, "lead.inactive.warning", 6, 24),
				texts.text(CHINESE, "lead.inactive.warning", 6, 24));

		assertThat(groupTexts.languagesOf(-1_000_000_000_777L)).as("a group whose people the bot does not know")
			.containsExactly(Locale.ENGLISH);
	}
}
