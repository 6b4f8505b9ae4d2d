package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Admins fill the pool of working groups by adding the bot to supergroups they created; the
 * bot refuses groups of anyone else, and groups where it lacks the rights it needs.
 */
class GroupPoolEndToEndTests extends EndToEndTest {


	private boolean botIsMember(long chat) {
		return sandbox.members(chat).stream().anyMatch(m -> m.id() == sandbox.bot().id()
				&& !m.status().equals("left") && !m.status().equals("kicked"));
	}

	@Test
	void aGroupAnAdminAddsTheBotToWithFullRightsJoinsThePool() {
		SimulatedUser admin = platformAdmin();
		long before = pool.freeGroups();
		long group = sandbox.createGroup("Deal room 1", admin);
		var told = admin.sees(group, "is now a B2BRICS working group");
		assertThat(told.text()).contains("Free groups in the pool: " + (before + 1));
		assertThat(pool.status(group)).contains("FREE");
		assertThat(botIsMember(group)).isTrue();
	}

	@Test
	void aGroupOfSomeoneWhoIsNoAdminIsRefusedAndTheBotLeaves() {
		SimulatedUser stranger = sandbox.newUser("Stranger", "ru");
		long group = sandbox.createGroup("Not a deal room", stranger);
		stranger.sees(group, "работает только в рабочих группах");
		await().atMost(Duration.ofSeconds(10)).until(() -> !botIsMember(group));
		assertThat(pool.status(group)).isEmpty();
	}

	@Test
	void aGroupWhereTheBotLacksRightsIsRefusedWithTheMissingRightsNamed() {
		SimulatedUser admin = platformAdmin();
		long group = sandbox.createGroup("Half rights", admin,
				Map.of("can_invite_users", true, "can_change_info", true, "can_pin_messages", false,
						"can_restrict_members", true, "can_delete_messages", false));
		var told = admin.sees(group, "To run a working group");
		assertThat(told.text()).contains("pin messages").contains("delete messages").doesNotContain("ban users");
		await().atMost(Duration.ofSeconds(10)).until(() -> !botIsMember(group));
		assertThat(pool.status(group)).isEmpty();
	}

	@Test
	void aPoolGroupThatBecomesASupergroupStaysInThePoolUnderItsNewId() {
		SimulatedUser admin = platformAdmin();
		long group = sandbox.createBasicGroup("Basic deal room", admin);
		admin.sees(group, "is now a B2BRICS working group");
		long supergroup = sandbox.migrate(group);
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.status(supergroup).isPresent());
		assertThat(pool.status(supergroup)).contains("FREE");
		assertThat(pool.status(group)).isEmpty();
	}
}
