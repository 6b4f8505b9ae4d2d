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
		assertThat(told.text()).contains("Chat history for new members");
		// in the pool once the bot read that the history is hidden from new members
		var checked = admin.sees(group, "Checked: chat history is hidden");
		// (a group an earlier test released may have come back to the pool at the same moment)
		assertThat(Long.parseLong(checked.text().replaceAll(".*Free groups in the pool: (\\d+).*", "$1")))
			.isGreaterThanOrEqualTo(before + 1);
		assertThat(pool.status(group)).contains("FREE");
		assertThat(botIsMember(group)).isTrue();
	}

	@Test
	void holdersOfAnyKindGetOneGroupEachAndTheSameOneAgainUntilItIsReleased() {
		serveWaitingLeads();
		emptyThePool();
		long first = addPoolGroup("Holder room A");
		long second = addPoolGroup("Holder room B");
		long holder = System.nanoTime();

		long taken = pool.takeFor("TEST_ROOM", holder).orElseThrow();
		assertThat(pool.takeFor("TEST_ROOM", holder)).contains(taken);
		assertThat(pool.groupOf("TEST_ROOM", holder)).contains(taken);
		assertThat(pool.holderOf(taken)).contains(new GroupPool.Holder("TEST_ROOM", holder));
		long other = pool.takeFor("TEST_ROOM", holder + 1).orElseThrow();
		assertThat(other).isNotEqualTo(taken);
		assertThat(java.util.List.of(first, second)).contains(taken, other);

		assertThat(pool.release(taken)).isTrue();
		assertThat(pool.holderOf(taken)).isEmpty();
		assertThat(pool.groupOf("TEST_ROOM", holder)).isEmpty();
		assertThat(pool.release(other)).isTrue();
		// free again once their history is checked
		await().atMost(Duration.ofSeconds(15)).until(() -> pool.freeGroups() == 2);
		assertThat(pool.takeFor("TEST_ROOM", holder + 2)).isPresent();
		assertThat(pool.takeFor("TEST_ROOM", holder + 3)).isPresent();
		assertThat(pool.takeFor("TEST_ROOM", holder + 4)).as("two groups, three holders").isEmpty();
		pool.groupOf("TEST_ROOM", holder + 2).ifPresent(pool::release);
		pool.groupOf("TEST_ROOM", holder + 3).ifPresent(pool::release);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> pool.takeFor("lead; drop", 1));
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
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.status(supergroup).filter("FREE"::equals).isPresent());
		assertThat(pool.status(group)).isEmpty();
	}
}
