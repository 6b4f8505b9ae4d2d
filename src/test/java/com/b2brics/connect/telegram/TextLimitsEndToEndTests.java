package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The outbox is the one place every text passes, so it keeps Telegram's limits as a last resort:
 * a caller that forgot to cut an echo gets its text fitted (cut outside any tag or entity, tags
 * closed, "…") instead of a refusal, and the person still gets an answer.
 */
class TextLimitsEndToEndTests extends EndToEndTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Test
	void textsOverTelegramsLimitsAreFittedAndTelegramAcceptsThem() {
		SimulatedUser olga = sandbox.newUser("Olga", "en");
		olga.startBot();
		olga.sees(olga.botChat(), "Hello, Olga");
		SimulatedUser admin = platformAdmin();
		long group = sandbox.createGroup("Limits room", admin);
		admin.sees(group, "is now a B2BRICS working group");
		long violations = sandbox.stats().violationsTotal();

		String echoed = "<b>Your company:</b> <i>" + Html.escape("<&>\"".repeat(2000)) + "</i> end";
		String label = "L".repeat(300);
		long queued = tx.execute(status -> {
			outbox.send(OutgoingMessage.to(olga.id(), echoed).with(Keyboard.column(InlineButton.url(label, "https://example.com/"))));
			outbox.setChatTitle(group, "T".repeat(500));
			outbox.setChatDescription(group, "D".repeat(500));
			return outbox.send(OutgoingMessage.to(group, "😀".repeat(2100)));
		});

		SeenMessage fitted = olga.sees(olga.botChat(), "Your company:");
		assertThat(fitted.text().length()).isLessThanOrEqualTo(4096);
		assertThat(fitted.text()).startsWith("Your company: <&>\"<&>\"").endsWith("…").doesNotContain("end");
		assertThat(fitted.buttons()).singleElement().satisfies(b -> assertThat(b).hasSize(64).endsWith("…"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status(queued).orElseThrow().equals("SENT"));
		Map<String, Object> chat = sandbox.get("/sandbox/api/chats/" + group);
		assertThat((String) chat.get("title")).hasSize(128).endsWith("…");
		assertThat((String) chat.get("description")).hasSize(255).endsWith("…");
		List<SeenMessage> smileys = admin.messages(group).stream().filter(m -> m.text() != null && m.text().startsWith("😀")).toList();
		assertThat(smileys).singleElement().satisfies(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
		assertThat(sandbox.stats().violationsTotal()).as("Telegram rule violations").isEqualTo(violations);
	}
}
