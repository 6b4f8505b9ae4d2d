package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * A message people are waiting for (a new lead, an offer) overtakes a queue of reminders to other
 * chats; in a busy group the answer to a person's action overtakes the notices queued before it,
 * within Telegram's group window and one message a second.
 */
class OutboxPriorityEndToEndTests extends EndToEndTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aHighPriorityMessageGoesBeforeAQueueOfLowPriorityOnes() {
		// the partner waiting for the urgent message is greeted first, so that the gap Telegram wants
		// between two messages to one chat has long passed when the urgent one is queued
		SimulatedUser partner = sandbox.newUser("Prio60", "en");
		partner.startBot();
		partner.sees(partner.botChat(), "Hello, Prio60");
		List<SimulatedUser> users = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			SimulatedUser user = sandbox.newUser("Prio" + i, "en");
			user.startBot();
			users.add(user);
		}
		users.forEach(user -> user.sees(user.botChat(), "Hello, " + user.firstName()));
		users.add(partner);
		List<Long> reminders = new ArrayList<>();
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < 60; i++) {
				reminders.add(outbox.send(OutgoingMessage.to(users.get(i).botChat(), "Reminder " + i).priority(Priority.LOW)));
			}
		});
		long urgent = tx.execute(s -> outbox.send(OutgoingMessage.to(users.get(60).botChat(), "New chat for your service")
			.priority(Priority.HIGH)));
		users.get(60).sees(users.get(60).botChat(), "New chat for your service");
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders.stream().allMatch(id -> "SENT".equals(outbox.status(id).orElse(""))));
		OffsetDateTime urgentAt = sentAt(urgent);
		long remindersBefore = reminders.stream().filter(id -> sentAt(id).isBefore(urgentAt)).count();
		assertThat(remindersBefore).as("reminders sent before the urgent message").isLessThan(10);
	}

	@Test
	void inABusyGroupAnAnswerOvertakesQueuedNoticesWithinTheLimits() {
		SimulatedUser olga = platformAdmin();
		// history visible to new members: the bot stays but holds the group out of its pool, so no lead writes there
		long group = sandbox.createGroup("Busy group", olga, true);
		olga.sees(group, "is now a B2BRICS working group");
		long violations = sandbox.stats().violationsTotal();
		long tooMany = sandbox.stats().ruleTooManyRequests();
		long bursts = sandbox.stats().groupBursts();
		// the group's window holds 16 sends (as if just made): full for notices (20 less the answers' 4), not for answers
		for (int i = 1; i <= 16; i++) {
			jdbc.sql("INSERT INTO telegram_chat_sends (outbox_id, attempt, chat_id, sent_at) VALUES (:id, 0, :chat, CURRENT_TIMESTAMP)")
				.param("id", group * 100 - i)
				.param("chat", group)
				.update();
		}
		List<Long> notices = new ArrayList<>();
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 3; i++) {
				notices.add(outbox.send(OutgoingMessage.to(group, "Notice " + i)));
			}
		});
		long answer = tx.execute(s -> outbox.send(OutgoingMessage.to(group, "Your answer").priority(Priority.ANSWER)));

		olga.sees(group, "Your answer");
		assertThat(notices).as("notices held by the window while the answer went")
			.allMatch(id -> "PENDING".equals(outbox.status(id).orElse("")));
		// the window moves on: the notices follow, one second apart, with no 429
		jdbc.sql("DELETE FROM telegram_chat_sends WHERE chat_id = :chat AND outbox_id < 0").param("chat", group).update();
		await().atMost(Duration.ofSeconds(30)).until(() -> notices.stream().allMatch(id -> "SENT".equals(outbox.status(id).orElse(""))));
		List<OffsetDateTime> times = new ArrayList<>();
		times.add(sentAt(answer));
		notices.forEach(id -> times.add(sentAt(id)));
		for (int i = 1; i < times.size(); i++) {
			assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap before message " + i)
				.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		}
		assertThat(sandbox.stats().violationsTotal()).as("Telegram rule violations").isEqualTo(violations);
		assertThat(sandbox.stats().ruleTooManyRequests()).as("429").isEqualTo(tooMany);
		assertThat(sandbox.stats().groupBursts()).as("messages to a group within a second").isEqualTo(bursts);
	}

	private OffsetDateTime sentAt(long id) {
		return jdbc.sql("SELECT sent_at FROM telegram_outbox WHERE id = :id").param("id", id).query(OffsetDateTime.class).single();
	}
}
