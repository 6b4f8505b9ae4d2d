package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** A failing handler is retried with backoff, then dead-lettered, never dropped; later updates of the chat still flow. */
class InboxRetryEndToEndTests extends EndToEndTest {

	private String statusOf(String args) {
		return jdbc.sql("SELECT status FROM telegram_inbox WHERE payload LIKE :p")
			.param("p", "%/fail " + args + "%")
			.query(String.class)
			.optional()
			.orElse("not stored yet");
	}

	@Test
	void aHandlerThatFailsTwiceSucceedsOnTheThirdTry() {
		SimulatedUser user = sandbox.newUser("Retry", "en");
		user.startBot();
		String args = "2 " + UUID.randomUUID().toString().substring(0, 8);
		user.writeToBot("/fail " + args);
		await().atMost(Duration.ofSeconds(15)).until(() -> failingHandler.succeeded.contains(args));
		assertThat(failingHandler.tries.get(args).get()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(statusOf(args)));
	}

	@Test
	void aHandlerThatAlwaysFailsEndsInTheDeadLetterListAndCanBeReplayed() {
		SimulatedUser user = sandbox.newUser("Dead", "en");
		user.startBot();
		String args = "always " + UUID.randomUUID().toString().substring(0, 8);
		user.writeToBot("/fail " + args);
		await().atMost(Duration.ofSeconds(15)).until(() -> "DEAD".equals(statusOf(args)));
		assertThat(failingHandler.tries.get(args).get()).isEqualTo(3);
		// the chat is not blocked by its dead update
		user.writeToBot("/help");
		user.sees(user.botChat(), "What I can do");
		String error = jdbc.sql("SELECT last_error FROM telegram_inbox WHERE payload LIKE :p")
			.param("p", "%/fail " + args + "%")
			.query(String.class)
			.single();
		assertThat(error).contains("failing on purpose");
	}

	@Test
	void updatesOfOneChatAreHandledInOrderEvenWhenOneIsRetried() {
		SimulatedUser user = sandbox.newUser("Order", "en");
		user.startBot();
		user.sees(user.botChat(), "Hello, Order!");
		String args = "1 " + UUID.randomUUID().toString().substring(0, 8);
		user.writeToBot("/fail " + args);
		user.writeToBot("/help");
		user.sees(user.botChat(), "What I can do");
		// /help came after the failing update, so it was handled only after that one succeeded
		assertThat(failingHandler.succeeded).contains(args);
		var failed = handledAt("%/fail " + args + "%");
		var help = handledAt("%" + user.id() + "%/help%");
		assertThat(help).isAfterOrEqualTo(failed);
	}

	private java.time.OffsetDateTime handledAt(String pattern) {
		return jdbc.sql("SELECT handled_at FROM telegram_inbox WHERE payload LIKE :p ORDER BY update_id DESC LIMIT 1")
			.param("p", pattern)
			.query(java.time.OffsetDateTime.class)
			.single();
	}

	@Test
	void anAdminReplaysADeadUpdateFromTheAdminPage() throws Exception {
		SimulatedUser user = sandbox.newUser("Replay", "en");
		user.startBot();
		String args = "3 " + UUID.randomUUID().toString().substring(0, 8);
		user.writeToBot("/fail " + args);
		await().atMost(Duration.ofSeconds(15)).until(() -> "DEAD".equals(statusOf(args)));
		long updateId = jdbc.sql("SELECT update_id FROM telegram_inbox WHERE payload LIKE :p")
			.param("p", "%/fail " + args + "%")
			.query(Long.class)
			.single();
		var admin = new AdminBrowser(baseUrl(), "admin", "test-admin");
		assertThat(admin.get("/admin/telegram")).contains(Long.toString(updateId)).contains("failing on purpose");
		assertThat(new AdminBrowser(baseUrl(), "admin", "wrong").status("/admin/telegram")).isEqualTo(401);
		admin.postForm("/admin/telegram/updates/" + updateId + "/replay");
		await().atMost(Duration.ofSeconds(15)).until(() -> "DONE".equals(statusOf(args)));
		assertThat(failingHandler.tries.get(args).get()).isEqualTo(4);
	}
}
