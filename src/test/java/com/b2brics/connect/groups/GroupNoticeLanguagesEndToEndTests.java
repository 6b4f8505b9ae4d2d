package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.core.Texts;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Through the sandbox: an Arabic and a Chinese person enter a working group with their personal
 * links, as join control lets people in; the notice that the second one joined reaches the group
 * in exactly Arabic and Chinese, each once (not English, not Russian).
 */
class GroupNoticeLanguagesEndToEndTests extends EndToEndTest {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");
	private static final Locale CHINESE = Locale.forLanguageTag("zh");

	@Autowired
	GroupInvites invites;

	@Autowired
	Texts texts;

	private void known(SimulatedUser person) {
		person.startBot();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM bot_users WHERE telegram_id = :id")
			.param("id", person.id()).query(Long.class).single() == 1);
	}

	private void entersWithItsLink(long group, SimulatedUser person, Role role) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> invites.linkFor(group, person.id(), role).startsWith("https://t.me/+"));
		assertThat(person.openLink(invites.linkFor(group, person.id(), role)).result()).isEqualTo("join_requested");
		await().atMost(Duration.ofSeconds(15)).until(() -> isGroupMember(group, person));
	}

	@Test
	void anArabicAndAChineseMemberReadTheGroupsNoticeInExactlyTheirTwoLanguages() {
		serveWaitingLeads();
		long group = addPoolGroup("Arabic and Chinese room");
		SimulatedUser amira = sandbox.newUser("Amira", "ar");
		SimulatedUser li = sandbox.newUser("Li", "zh");
		known(amira);
		known(li);

		entersWithItsLink(group, amira, Role.IMPORTER);
		SeenMessage first = amira.sees(group, texts.text(ARABIC, "groups.joined.importer", "Amira"));
		assertThat(first.text()).as("the group has only Amira so far").isEqualTo(texts.text(ARABIC, "groups.joined.importer", "Amira"));
		// older than the folding window: the next "joined" notice is a message of its own, not a line added to this one
		jdbc.sql("UPDATE telegram_outbox SET created_at = created_at - INTERVAL '5' MINUTE WHERE chat_id = :chat AND fold_key IS NOT NULL")
			.param("chat", group)
			.update();

		entersWithItsLink(group, li, Role.PARTNER);
		String chinese = texts.text(CHINESE, "groups.joined.partner", "Li");
		SeenMessage notice = amira.sees(group, chinese);
		assertThat(notice.id()).isNotEqualTo(first.id());
		assertThat(notice.text()).isEqualTo(texts.text(ARABIC, "groups.joined.partner", "Li") + "\n\n" + chinese);

		// the admins take the bot out: the group leaves the pool and no later deal gets it with these two in it
		sandbox.post("/sandbox/api/groups/" + group + "/remove-bot", Map.of());
		await().atMost(Duration.ofSeconds(15)).until(() -> pool.status(group).filter("FREE"::equals).isEmpty());
	}
}
