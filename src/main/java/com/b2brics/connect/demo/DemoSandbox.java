package com.b2brics.connect.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.DemoTeamMember;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.sandbox.SandboxWorld;

/**
 * Makes the embedded sandbox a world the demo works in, out of the box:
 * <ol>
 * <li>every partner and exporter team member of the demo catalog is a simulated user (fixed id, name and app
 * language from {@code demo/catalog.yml}) who has pressed Start, so the bot may write to them;</li>
 * <li>the demo admin is a simulated user who has pressed Start (a platform admin through
 * {@link DemoConfiguration});</li>
 * <li>the pool holds nothing the sandbox does not have (see below);</li>
 * <li>the demo admin keeps {@code pool-groups} supergroups ready: creates them and adds the bot as
 * administrator with full rights, so the bot registers them into the pool through its normal
 * flow ({@code my_chat_member} → {@code groups.GroupRegistration}), not by inserted rows.</li>
 * </ol>
 * <p>
 * <b>Restarts.</b> The database under {@code ./data} survives a restart; the embedded sandbox
 * does not: it lives in memory and starts empty, without the people and groups of the last run,
 * and numbers new groups past the old ones (ids never come back). The pool may therefore still
 * hold FREE or IN_USE groups that no longer exist anywhere. Telegram would have told the bot
 * with a {@code my_chat_member} "kicked" update; the restarted sandbox cannot, so seeding does
 * what that update would have done: every pool group the sandbox does not have, with the bot in
 * it, is marked GONE and is never handed to a lead. Leads that were in such a group keep their
 * record (their people are gone with the old sandbox too). Then new groups are created until
 * {@code pool-groups} are ready again. Marking GONE, not deleting, keeps the history honest and
 * lets {@code WorkingGroups.register} revive a row should the same chat ever come back.
 * <p>
 * <b>Idempotent.</b> People who exist are left as they are (only Start is pressed for one who has
 * not); groups are counted in the sandbox (the admin's groups with the bot as administrator that
 * no lead uses), not in the database, so seeding again before the bot has registered the groups
 * of the first run creates none twice.
 */
public class DemoSandbox {

	private static final Logger log = LoggerFactory.getLogger(DemoSandbox.class);

	private final SandboxWorld sandbox;
	private final Catalog catalog;
	private final GroupPool pool;
	private final long adminId;

	DemoSandbox(SandboxWorld sandbox, Catalog catalog, GroupPool pool, long adminId) {
		this.sandbox = sandbox;
		this.catalog = catalog;
		this.pool = pool;
		this.adminId = adminId;
	}

	/** What one seeding did. */
	public record Seeded(int peopleCreated, int startsPressed, List<Long> groupsVanished, List<Long> groupsCreated) {
	}

	/** Seeds people, the admin and {@code poolGroups} ready groups; safe to call again. */
	public synchronized Seeded seed(int poolGroups) {
		int[] created = { 0 };
		int[] started = { 0 };
		List<DemoTeamMember> team = catalog.demoTeam();
		for (DemoTeamMember member : team) {
			ensureStarted(member.telegramId(), member.name(), member.language(), created, started);
		}
		ensureStarted(adminId, "Admin", "en", created, started);

		List<Long> vanished = new ArrayList<>();
		for (long chat : pool.groupsInPool()) {
			if (!sandbox.botIsIn(chat)) {
				pool.vanished(chat);
				vanished.add(chat);
			}
		}

		long ready = sandbox.groupsCreatedWithBotAsAdmin(adminId)
			.stream()
			// a group whose history check is still running counts: the demo makes its groups with history hidden
			.filter(chat -> pool.status(chat).map(status -> status.equals("FREE") || status.equals("CHECKING")).orElse(true))
			.count();
		int number = sandbox.groupsCreatedWithBotAsAdmin(adminId).size();
		List<Long> groups = new ArrayList<>();
		for (long i = ready; i < poolGroups; i++) {
			groups.add(sandbox.createGroupWithBotAsAdmin(adminId, "B2BRICS working group " + ++number));
		}
		log.info("""

				  Offline demo seeded in the embedded sandbox: {} partner and exporter team members and the demo admin {} \
				(people created {}, Start pressed {}); pool groups gone with the last run {}, new groups {} \
				(the bot registers them into the pool)""", team.size(), adminId, created[0], started[0], vanished.size(),
				groups.size());
		return new Seeded(created[0], started[0], List.copyOf(vanished), List.copyOf(groups));
	}

	private void ensureStarted(long id, String name, String language, int[] created, int[] started) {
		SandboxWorld.Person person = sandbox.person(id).orElse(null);
		if (person == null) {
			person = sandbox.createPerson(id, name, language);
			created[0]++;
		}
		if (!person.startedBot()) {
			sandbox.pressStart(id);
			started[0]++;
		}
	}
}
