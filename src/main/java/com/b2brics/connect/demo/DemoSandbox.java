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
 * flow ({@code my_chat_member} → {@code groups.GroupRegistration}), not by inserted rows;</li>
 * <li>two support agents (one English, one Russian) have pressed Start, and the demo admin makes
 * the support desk once: a group titled {@value #DESK_TITLE} with the bot as administrator and
 * the agents in it, named the desk by the admin's {@code /desk} there.</li>
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
	private final List<Long> supportAgents;

	/** The support desk's title: how the seeding finds the desk it made in an earlier run. */
	static final String DESK_TITLE = "B2BRICS support desk";

	DemoSandbox(SandboxWorld sandbox, Catalog catalog, GroupPool pool, long adminId, List<Long> supportAgents) {
		this.supportAgents = List.copyOf(supportAgents);
		this.sandbox = sandbox;
		this.catalog = catalog;
		this.pool = pool;
		this.adminId = adminId;
	}

	/** What one seeding did. */
	/** @param deskCreated the support desk group made now; 0 when the admin had one already */
	public record Seeded(int peopleCreated, int startsPressed, List<Long> groupsVanished, List<Long> groupsCreated,
			long deskCreated) {
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
		for (int i = 0; i < supportAgents.size(); i++) {
			ensureStarted(supportAgents.get(i), i == 0 ? "Sam" : "Svetlana", i == 0 ? "en" : "ru", created, started);
		}

		List<Long> vanished = new ArrayList<>();
		for (long chat : pool.groupsInPool()) {
			if (!sandbox.botIsIn(chat)) {
				pool.vanished(chat);
				vanished.add(chat);
			}
		}

		long ready = sandbox.groupsCreatedWithBotAsAdmin(adminId)
			.stream()
			.filter(chat -> !isDesk(chat))
			// a group whose history check is still running counts: the demo makes its groups with history hidden
			.filter(chat -> pool.status(chat).map(status -> status.equals("FREE") || status.equals("CHECKING")).orElse(true))
			.count();
		int number = sandbox.groupsCreatedWithBotAsAdmin(adminId).size();
		List<Long> groups = new ArrayList<>();
		for (long i = ready; i < poolGroups; i++) {
			groups.add(sandbox.createGroupWithBotAsAdmin(adminId, "B2BRICS working group " + ++number));
		}
		long desk = 0;
		if (sandbox.groupsCreatedWithBotAsAdmin(adminId).stream().noneMatch(this::isDesk)) {
			// made as any group the bot is added to by an admin, then named the desk with /desk, as an admin would
			desk = sandbox.createGroupWithBotAsAdmin(adminId, DESK_TITLE);
			for (long agent : supportAgents) {
				sandbox.addMember(desk, agent);
			}
			sandbox.write(adminId, desk, "/desk");
		}
		log.info("""

				  Offline demo seeded in the embedded sandbox: {} partner and exporter team members and the demo admin {} \
				(people created {}, Start pressed {}); pool groups gone with the last run {}, new groups {} \
				(the bot registers them into the pool); support agents {}, support desk made now {}""", team.size(), adminId,
				created[0], started[0], vanished.size(), groups.size(), supportAgents, desk == 0 ? "no (kept)" : desk);
		return new Seeded(created[0], started[0], List.copyOf(vanished), List.copyOf(groups), desk);
	}

	private boolean isDesk(long chat) {
		return sandbox.title(chat).filter(DESK_TITLE::equals).isPresent();
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
