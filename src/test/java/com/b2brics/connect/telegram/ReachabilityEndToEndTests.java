package com.b2brics.connect.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * People who block the bot, and groups that change their id: Telegram refuses or redirects,
 * and the outbox reacts as it should instead of retrying forever or losing the message.
 */
class ReachabilityEndToEndTests extends EndToEndTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Accounts accounts;

	@Autowired
	UnreachableUsers unreachableUsers;

	@Test
	void aUserWhoBlockedTheBotIsMarkedUnreachableAndReachableAgainWhenTheyWrite() {
		SimulatedUser user = sandbox.newUser("Blocker", "en");
		user.startBot();
		user.sees(user.botChat(), "Hello, Blocker!");
		assertThat(accounts.reachable(user.id())).isTrue();
		user.blockBot();
		long queued = tx.execute(s -> outbox.send(OutgoingMessage.to(user.id(), "Are you there?")));
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox.status(queued).orElse("").equals("UNREACHABLE"));
		assertThat(accounts.reachable(user.id())).isFalse();
		assertThat(unreachableUsers.ids).contains(user.id());
		assertThat(user.currentlySees(user.botChat(), "Are you there?")).isFalse();

		user.unblockBot();
		user.writeToBot("/help");
		user.sees(user.botChat(), "What I can do");
		assertThat(accounts.reachable(user.id())).isTrue();
	}

	@Test
	void aMessageToAGroupThatBecameASupergroupFollowsItToItsNewId() {
		SimulatedUser creator = platformAdmin();
		long group = sandbox.createBasicGroup("Old basic group", creator);
		creator.sees(group, "is now a B2BRICS working group");
		long supergroup = sandbox.migrate(group);
		assertThat(supergroup).isNotEqualTo(group);
		long queued = tx.execute(s -> outbox.send(OutgoingMessage.to(group, "Still here after the upgrade")));
		await().atMost(Duration.ofSeconds(15)).until(() -> outbox.status(queued).orElse("").equals("SENT"));
		creator.sees(supergroup, "Still here after the upgrade");
	}
}
