package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.JoinRequested;
import com.b2brics.connect.telegram.TelegramUser;

/**
 * A personal link is recorded when it is asked for, before Telegram has made it, under a name
 * Telegram repeats in every join request. So a join request that races the continuation storing
 * the URL (Telegram made the link, our transaction recording it has not committed yet) is still
 * matched: the person the link was made for is let in, anyone else with it is declined.
 */
class JoinBeforeTheLinkIsRecordedEndToEndTests extends EndToEndTest {

	@Autowired
	GroupInvites invites;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aJoinRequestThatRacesTheRecordedLinkIsMatchedByTheLinksName() {
		serveWaitingLeads();
		long group = addPoolGroup("Race room");
		long importer = 6100777001L;
		long stranger = 6100777002L;
		// asked for twice in one transaction: the sender cannot have made the link in between
		String[] asked = tx.execute(status -> new String[] { invites.linkFor(group, importer, Role.IMPORTER),
				invites.linkFor(group, importer, Role.IMPORTER) });
		String standIn = asked[0];
		assertThat(standIn).startsWith("tg-pending-link:");
		assertThat(asked[1]).as("asked again: the same link").isEqualTo(standIn);
		String name = jdbc.sql("SELECT link_name FROM group_invites WHERE chat_id = :c AND user_id = :u")
			.param("c", group).param("u", importer).query(String.class).single();
		assertThat(name).hasSizeLessThanOrEqualTo(32).contains("importer " + importer);
		// the continuation puts Telegram's URL in place of the stand-in once the link is made
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> invites.linkFor(group, importer, Role.IMPORTER).startsWith("https://t.me/+"));

		String madeByTelegram = "https://t.me/+NotRecordedYet0000000000";
		// join requests come with a link URL we have not recorded (Telegram made it, our record of it has not
		// committed yet) and our name for it; rolled back afterwards, so no answer reaches the sandbox
		tx.executeWithoutResult(status -> {
			long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM telegram_outbox").query(Long.class).single();
			events.publishEvent(new JoinRequested(1, new ChatRef(group, "supergroup", "Race room"),
					new TelegramUser(importer, "Ivan", null, null, "en", false), madeByTelegram, name));
			events.publishEvent(new JoinRequested(2, new ChatRef(group, "supergroup", "Race room"),
					new TelegramUser(stranger, "Stranger", null, null, "en", false), madeByTelegram, name));

			List<String> answers = jdbc.sql("""
					SELECT method, params FROM telegram_outbox WHERE id > :before AND chat_id = :chat
					  AND method IN ('approveChatJoinRequest', 'declineChatJoinRequest') ORDER BY id""")
				.param("before", before).param("chat", group)
				.query((rs, n) -> rs.getString("method") + " " + rs.getString("params")).list();
			assertThat(answers).hasSize(2);
			assertThat(answers.get(0)).startsWith("approveChatJoinRequest ").contains("\"user_id\":" + importer);
			assertThat(answers.get(1)).startsWith("declineChatJoinRequest ").contains("\"user_id\":" + stranger);
			assertThat(jdbc.sql("SELECT reason FROM group_join_refusals WHERE chat_id = :c AND user_id = :u")
				.param("c", group).param("u", stranger).query(String.class).list()).containsExactly("link_of_someone_else");
			status.setRollbackOnly();
		});
	}
}
