package com.b2brics.connect.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.DemoTeamMember;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The offline demo seeds the embedded sandbox: the demo catalog's partner team members are
 * people who started the bot, the demo admin is a platform admin, and the admin's groups join
 * the pool through the bot. The shared test context does not seed at start
 * ({@code b2brics.demo.seed-sandbox=false}); these tests seed on purpose, with the pool emptied
 * first and emptied again afterwards, so other tests find the pool as they expect.
 */
class DemoSandboxEndToEndTests extends EndToEndTest {

	@Autowired
	DemoSandbox demo;

	@Autowired
	Catalog catalog;


	@Autowired
	PlatformAdmins admins;

	@Test
	void seedingMakesThePartnersPeopleWhoStartedTheBotAndFillsThePoolThroughTheBot() {
		serveWaitingLeads();
		emptyThePool();

		DemoSandbox.Seeded seeded = demo.seed(2);

		// every partner and exporter team member of the demo catalog: fixed id and name, their language, Start pressed
		List<DemoTeamMember> team = catalog.demoTeam();
		assertThat(team).hasSizeGreaterThanOrEqualTo(20);
		assertThat(team).extracting(DemoTeamMember::telegramId).as("the exporters' teams are seeded too")
			.contains(6_300_000_001L, 6_300_000_003L, 6_300_000_007L, 6_300_000_010L);
		for (DemoTeamMember member : team) {
			Map<String, Object> user = sandbox.get("/sandbox/api/users/" + member.telegramId());
			assertThat(user.get("started_bot")).as("%s started the bot", member.name()).isEqualTo(true);
		}
		DemoTeamMember dmitry = team.stream().filter(m -> m.name().equals("Dmitry")).findFirst().orElseThrow();
		Map<String, Object> dmitryUser = sandbox.get("/sandbox/api/users/" + dmitry.telegramId());
		if (dmitryUser.get("first_name").equals("Dmitry")) {
			// made by the seeding rather than by an earlier test: his language, and the bot greeted him in it
			assertThat(dmitryUser.get("language_code")).isEqualTo("ru");
			sandbox.user(dmitry.telegramId()).sees(dmitry.telegramId(), "Здравствуйте, Dmitry!");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM bot_users WHERE telegram_id = :id")
			.param("id", dmitry.telegramId()).query(Long.class).single() == 1);

		// the demo admin is a platform admin and a person who started the bot
		assertThat(admins.contains(PLATFORM_ADMIN)).isTrue();
		assertThat(sandbox.get("/sandbox/api/users/" + PLATFORM_ADMIN).get("started_bot")).isEqualTo(true);

		// two groups the admin created with the bot as administrator, registered FREE by the bot itself
		assertThat(seeded.groupsCreated()).hasSize(2);
		SimulatedUser admin = sandbox.user(PLATFORM_ADMIN);
		for (long group : seeded.groupsCreated()) {
			admin.sees(group, "is now a B2BRICS working group");
			assertThat(sandbox.memberStatus(group, admin)).isEqualTo("creator");
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> seeded.groupsCreated().stream().allMatch(g -> pool.status(g).filter("FREE"::equals).isPresent()));
		assertThat(pool.freeGroups()).isEqualTo(2);

		// the support desk: made once by the admin with both agents in it, taken out of the pool by /desk
		for (long agent : List.of(6399000031L, 6399000032L)) {
			assertThat(sandbox.get("/sandbox/api/users/" + agent).get("started_bot")).isEqualTo(true);
		}
		long desk = seeded.deskCreated();
		if (desk != 0) {
			await().atMost(Duration.ofSeconds(30)).until(() -> pool.status(desk).filter("WITHDRAWN"::equals).isPresent());
			assertThat(jdbc.sql("SELECT chat_id FROM support_desk").query(Long.class).single()).isEqualTo(desk);
			assertThat(sandbox.memberStatus(desk, sandbox.user(6399000032L))).isEqualTo("member");
		}

		// seeding again changes nothing: same people, the two groups are still the ready ones, the desk is kept
		DemoSandbox.Seeded again = demo.seed(2);
		assertThat(again.peopleCreated()).isZero();
		assertThat(again.startsPressed()).isZero();
		assertThat(again.groupsCreated()).isEmpty();
		assertThat(again.groupsVanished()).isEmpty();
		assertThat(again.deskCreated()).isZero();
		assertThat(pool.freeGroups()).isEqualTo(2);

		emptyThePool();
	}

	@Test
	void poolGroupsThatTheRestartedSandboxNoLongerHasAreGoneAndNeverHandedOut() {
		serveWaitingLeads();
		emptyThePool();
		// rows of groups from the sandbox's last run: the database kept them, the sandbox did not
		long freeGhost = -1009999000001L;
		long usedGhost = -1009999000002L;
		OffsetDateTime longAgo = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO working_groups (chat_id, title, status, registered_by, registered_at, updated_at, lead_id)
				VALUES (:free, 'Last run, free', 'FREE', :admin, :at, :at, NULL),
				       (:used, 'Last run, in use', 'IN_USE', :admin, :at, :at, -42)""")
			.param("free", freeGhost).param("used", usedGhost).param("admin", PLATFORM_ADMIN).param("at", longAgo)
			.update();
		long live = addPoolGroup("Still here"); // in the pool once its history check passed

		DemoSandbox.Seeded seeded = demo.seed(0);

		assertThat(seeded.groupsVanished()).contains(freeGhost, usedGhost).doesNotContain(live);
		assertThat(pool.status(freeGhost)).contains("GONE");
		assertThat(pool.status(usedGhost)).contains("GONE");
		assertThat(pool.status(live)).contains("FREE");
		assertThat(seeded.groupsCreated()).isEmpty();
		// the oldest group in the pool would have been the ghost; a lead now gets the live one
		assertThat(pool.groupsInPool()).doesNotContain(freeGhost, usedGhost);

		emptyThePool();
		jdbc.sql("DELETE FROM working_groups WHERE chat_id IN (:free, :used)").param("free", freeGhost).param("used", usedGhost)
			.update();
	}
}
