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

/** A message people are waiting for (a new lead, an offer) overtakes a queue of reminders to other chats. */
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

	private OffsetDateTime sentAt(long id) {
		return jdbc.sql("SELECT sent_at FROM telegram_outbox WHERE id = :id").param("id", id).query(OffsetDateTime.class).single();
	}
}
