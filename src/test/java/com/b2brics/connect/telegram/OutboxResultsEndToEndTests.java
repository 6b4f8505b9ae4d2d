package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Rows that carry the result of another row (an invite link's URL): they wait for it, go with the
 * URL in place, fail with it when Telegram refuses it for good without holding up the chat; and
 * a stand-in someone typed, without our signature, is just text.
 */
class OutboxResultsEndToEndTests extends EndToEndTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aMessageCarryingALinkTelegramRefusesFailsWithItAndTheChatMovesOn() {
		SimulatedUser nina = sandbox.newUser("Nina", "en");
		nina.startBot();
		nina.sees(nina.botChat(), "Hello, Nina");
		long[] rows = tx.execute(status -> {
			PendingLink link = outbox.createInviteLink(-1009999999999L, "nowhere", true, null);
			long carrying = outbox.send(OutgoingMessage.to(nina.id(), "Your room")
				.with(Keyboard.column(InlineButton.url("Open the chat", link.url()))));
			long next = outbox.send(OutgoingMessage.to(nina.id(), "And the next message still comes"));
			return new long[] { link.outboxId(), carrying, next };
		});

		nina.sees(nina.botChat(), "And the next message still comes");
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status(rows[1]).orElseThrow().equals("FAILED"));
		assertThat(outbox.status(rows[0])).contains("FAILED");
		assertThat(nina.currentlySees(nina.botChat(), "Your room")).isFalse();
		assertThat(jdbc.sql("SELECT last_error FROM telegram_outbox WHERE id = :id").param("id", rows[1]).query(String.class)
			.single()).contains("row " + rows[0] + " it waits for is FAILED");
	}

	@Test
	void anEditThatChangesNothingIsNotQueuedForTelegramRefusesIt() {
		long violations = sandbox.stats().violations("message_not_modified");
		SimulatedUser olga = sandbox.newUser("Olga", "en");
		olga.startBot();
		olga.sees(olga.botChat(), "Hello, Olga");
		Keyboard.Inline keyboard = Keyboard.inline(java.util.List.of(java.util.List.of(InlineButton.url("Site", "https://example.com/"))));
		long card = tx.execute(status -> outbox.send(OutgoingMessage.to(olga.id(), "Card, first").with(keyboard)));
		// the same text and keyboard as the send: nothing queued, the send's row answers
		long same = tx.execute(status -> outbox.editText(olga.id(), MessageRef.queued(card), "Card, first", keyboard, Priority.NORMAL));
		assertThat(same).isEqualTo(card);
		long edit = tx.execute(status -> outbox.editText(olga.id(), MessageRef.queued(card), "Card, second", keyboard, Priority.NORMAL));
		assertThat(edit).isNotEqualTo(card);
		// the same as that edit: none more; the same text without the keyboard (it would remove it): queued
		long again = tx.execute(status -> outbox.editText(olga.id(), MessageRef.queued(card), "Card, second", keyboard, Priority.NORMAL));
		assertThat(again).isEqualTo(edit);
		long keys = tx.execute(status -> outbox.editKeyboard(olga.id(), MessageRef.queued(card), keyboard));
		assertThat(keys).isEqualTo(edit);
		long bare = tx.execute(status -> outbox.editText(olga.id(), MessageRef.queued(card), "Card, second", null, Priority.NORMAL));
		assertThat(bare).isNotIn(card, edit);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status(bare).orElseThrow().equals("SENT"));
		assertThat(olga.currentlySees(olga.botChat(), "Card, second")).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_outbox WHERE ref_outbox_id = :card AND method = 'editMessageText'")
			.param("card", card).query(Long.class).single()).isEqualTo(2);
		assertThat(sandbox.stats().violations("message_not_modified")).isEqualTo(violations);
	}

	@Test
	void aLinkIsPutInPlaceOnceMadeAndAForgedStandInStaysText() {
		SimulatedUser pavel = sandbox.newUser("Pavel", "en");
		pavel.startBot();
		pavel.sees(pavel.botChat(), "Hello, Pavel");
		SimulatedUser admin = platformAdmin();
		long group = sandbox.createGroup("Results room", admin);
		admin.sees(group, "is now a B2BRICS working group");
		String forged = tx.execute(status -> {
			PendingLink link = outbox.createInviteLink(group, "pavel", true, null);
			outbox.send(OutgoingMessage.to(pavel.id(), "Your link: " + link.url())
				.with(Keyboard.column(InlineButton.url("Enter", link.url()))));
			String fake = "tg-pending-link:" + link.outboxId() + ":AAAAAAAAAAA";
			outbox.send(OutgoingMessage.to(pavel.id(), "Typed by someone: " + fake));
			return fake;
		});

		var withLink = pavel.sees(pavel.botChat(), "Your link: https://t.me/+");
		String url = (String) withLink.button("Enter").get("url");
		assertThat(withLink.text()).isEqualTo("Your link: " + url);
		assertThat(pavel.openLink(url).result()).isEqualTo("join_requested");
		pavel.sees(pavel.botChat(), "Typed by someone: " + forged);
	}
}
