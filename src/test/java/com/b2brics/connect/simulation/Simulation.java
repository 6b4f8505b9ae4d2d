package com.b2brics.connect.simulation;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.simulation.Model.InvitationState;
import com.b2brics.connect.simulation.Model.Lead;
import com.b2brics.connect.simulation.Model.LeadState;
import com.b2brics.connect.simulation.Model.ServiceRef;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * A seeded whole-flow simulation. From one seed ({@link SplittableRandom}) it draws what random
 * importers, partners and the admin do next, weighted so that flows progress (Contact, Start,
 * entering the group, Join chat, /invite, Join and Decline on offers, /eta, /close, a new pool
 * group, the clock moving past offer deadlines, a stranger trying a link that is not theirs),
 * does it through the sandbox as those people, waits until the system is quiet, updates the
 * {@link Model} with what the action should have done, and checks the invariants against the
 * sandbox (who is in which group, what each person sees) and the database. Optionally the
 * sandbox injects 429s, 5xx and time-outs for a stretch, and the app is stopped and started
 * again mid-flow while people keep acting. A failure names the seed, the step and every step
 * before it; the same seed replays the same steps on a fresh world.
 */
public final class Simulation {

	/** What to run: the seed, how many steps, and whether faults and a restart are part of it. */
	public record Settings(long seed, int steps, boolean faults, boolean restart) {

		public String replay() {
			return "-Dsim.seed=" + seed + " -Dsim.steps=" + steps + " -Dsim.faults=" + faults + " -Dsim.restart=" + restart;
		}
	}

	/** What a finished run did. */
	public record Result(Settings settings, int steps, List<String> log, Duration took, long leads, long invitations,
			long offers, long duplicates, long faultsInjected) {
	}

	/** An invariant that did not hold, with everything needed to replay it. */
	public static final class Failure extends AssertionError {

		Failure(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private static final Duration SETTLE = Duration.ofSeconds(90);

	private static final String DEADLINE_TASK = "invitation-offer-deadline";

	private final World world;
	private final Settings settings;
	private final SplittableRandom random;
	private final Model model = new Model();
	private final List<String> log = new ArrayList<>();
	private final HttpClient http = HttpClient.newHttpClient();
	private final SandboxClient sandbox;
	private final long botId;
	private final Map<Long, SimulatedUser> users = new java.util.concurrent.ConcurrentHashMap<>();
	private Catalog catalog;
	/** What the simulation reads of the app is kept, so people can act while the app is down. */
	private final Map<Long, Locale> locales = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<Long, Service> serviceCards = new HashMap<>();
	private MessageSource messages;
	private Accounts accounts;
	private String storefront;
	private int step;
	private int restartAt = -1;
	private int faultsFrom = -1;
	private int faultsUntil = -1;
	private long duplicatesAllowedBefore;
	private long checking;
	private long setUpMillis;
	private final Set<String> finishedOffersSeen = new HashSet<>();
	private long tasks;

	private Simulation(World world, Settings settings) {
		this.world = world;
		this.settings = settings;
		this.random = new SplittableRandom(settings.seed());
		this.sandbox = world.sandbox;
		this.botId = sandbox.bot().id();
	}

	/** Runs one seed in the world (a fresh one replays exactly); throws {@link Failure} when an invariant breaks. */
	public static Result run(World world, Settings settings) {
		return new Simulation(world, settings).run();
	}

	private Result run() {
		long started = System.nanoTime();
		try {
			setUp();
			setUpMillis = (System.nanoTime() - started) / 1_000_000;
			for (step = 1; step <= settings.steps(); step++) {
				if (step == faultsFrom) {
					faultsOn();
				}
				if (step == faultsUntil) {
					faultsOff();
				}
				if (step == restartAt) {
					restart();
				}
				else {
					long began = System.nanoTime();
					Runnable action = next();
					action.run();
					settle();
					log.set(log.size() - 1, log.get(log.size() - 1) + " (" + (System.nanoTime() - began) / 1_000_000 + " ms)");
				}
				observe();
				checkInvariants(step % 10 == 0);
			}
			faultsOff();
			settle();
			observe();
			checkInvariants(true);
			record(String.format("done: set-up %d ms, invariant checks %d ms", setUpMillis, checking / 1_000_000));
		}
		catch (Failure failure) {
			throw failure;
		}
		catch (Throwable t) {
			throw fail(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
		}
		return new Result(settings, settings.steps(), List.copyOf(log), Duration.ofNanos(System.nanoTime() - started),
				model.leads.size(), model.invitations.size(), count("SELECT COUNT(*) FROM invitation_offers"),
				sandboxDuplicates(), sandbox.stats().faultsInjectedTotal());
	}

	// --- set-up

	private void setUp() {
		catalog = world.bean(Catalog.class);
		messages = world.bean(MessageSource.class);
		accounts = world.bean(Accounts.class);
		List<String> storefronts = List.of("russia", "china", "india");
		storefront = storefronts.get(random.nextInt(storefronts.size()));
		// every partner's team can be reached, so every partner of a specialization is a candidate
		Map<Long, String> people = new LinkedHashMap<>();
		for (Partner partner : catalog.partners()) {
			List<Long> team = catalog.teamMemberIds(partner.id());
			model.teams.put(partner.id(), team);
			team.forEach(id -> people.put(id, "Member" + id % 1000));
		}
		people.put(World.ADMIN, "Admin");
		people.put(World.MANAGER, "Manager");
		// they act independently of each other, so they may press Start at the same time
		java.util.concurrent.ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<SimulatedUser>> started = new ArrayList<>();
			people.forEach((id, name) -> started.add(starting.submit(() -> person(id, name))));
			for (java.util.concurrent.Future<SimulatedUser> person : started) {
				SimulatedUser user = person.get();
				users.put(user.id(), user);
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("people could not press Start", e);
		}
		finally {
			starting.shutdownNow();
		}
		for (Specialization specialization : List.of(Specialization.values())) {
			List<Long> partners = catalog.partners(specialization, storefront).stream()
				.filter(p -> !catalog.teamMemberIds(p.id()).isEmpty()).map(Partner::id).toList();
			if (partners.size() >= 2) {
				model.specializations.add(specialization);
				model.partnersOf.put(specialization, partners);
			}
		}
		List<Service> services = new ArrayList<>(catalog.services(storefront).stream()
			.filter(s -> !s.isProduct() && !catalog.teamMemberIds(s.partnerId()).isEmpty()).toList());
		Set<Long> partners = new HashSet<>();
		while (model.services.size() < 3 && !services.isEmpty()) {
			Service service = services.remove(random.nextInt(services.size()));
			if (partners.add(service.partnerId())) {
				serviceCards.put(service.id(), service);
				model.services.add(new ServiceRef(service.id(), service.partnerId(), storefront, service.path(),
						catalog.teamMemberIds(service.partnerId())));
			}
		}
		String tag = Long.toString(Math.abs(settings.seed() % 100_000), 36);
		int importers = 3 + random.nextInt(2);
		for (int i = 0; i < importers; i++) {
			String language = random.nextBoolean() ? "en" : "ru";
			SimulatedUser importer = sandbox.newUser("Imp" + tag + "x" + i, language);
			locales.put(importer.id(), Locale.forLanguageTag(language));
			users.put(importer.id(), importer);
			model.importers.add(importer.id());
			model.names.put(importer.id(), importer.firstName());
			model.links.put(importer.id(), new LinkedHashMap<>());
		}
		SimulatedUser stranger = sandbox.newUser("Stranger" + tag, "en");
		stranger.startBot();
		users.put(stranger.id(), stranger);
		model.stranger = stranger.id();
		int groups = 1 + random.nextInt(3);
		for (int i = 0; i < groups; i++) {
			addGroup();
		}
		if (settings.restart()) {
			restartAt = settings.steps() / 3 + random.nextInt(Math.max(1, settings.steps() / 3));
		}
		if (settings.faults()) {
			faultsFrom = 1 + random.nextInt(Math.max(1, settings.steps() / 3));
			faultsUntil = faultsFrom + settings.steps() / 2;
		}
		record("set-up: storefront " + storefront + ", services " + model.services.stream().map(ServiceRef::id).toList()
				+ ", specializations " + model.specializations + ", importers " + model.importers + ", stranger "
				+ model.stranger + ", groups " + model.groups + (restartAt > 0 ? ", restart at step " + restartAt : "")
				+ (faultsFrom > 0 ? ", faults in steps " + faultsFrom + "–" + (faultsUntil - 1) : ""));
		settle();
		observe();
		checkInvariants(true);
	}

	/** A person with a fixed id who pressed Start (the catalog's team members, the admin, the manager). */
	private SimulatedUser person(long id, String name) {
		try {
			sandbox.post("/sandbox/api/users", Map.of("id", id, "first_name", name, "language_code", "en"));
			sandbox.user(id).startBot();
		}
		catch (SandboxClient.SandboxException alreadyThere) {
			// created by an earlier simulation in this world
		}
		return sandbox.user(id);
	}

	private SimulatedUser user(long id) {
		return users.computeIfAbsent(id, sandbox::user);
	}

	// --- choosing the next action

	private record Choice(int weight, String description, Runnable action) {
	}

	private Runnable next() {
		List<Choice> choices = new ArrayList<>();
		boolean up = world.appRunning();
		for (long importer : model.importers) {
			for (ServiceRef service : model.services) {
				String link = model.links.get(importer).get(service.id());
				boolean live = model.liveLead(importer, service.id()).isPresent();
				if (link == null && !live && up && model.mayStartAnother(importer) && model.leads.size() < 12) {
					choices.add(new Choice(4, "importer " + importer + " presses Contact on service " + service.id(),
							() -> contact(importer, service)));
				}
				if (link != null && (live || model.mayStartAnother(importer))) {
					choices.add(new Choice(live ? 1 : 6, "importer " + importer + " presses Start on service " + service.id(),
							() -> start(importer, service)));
				}
			}
		}
		for (Lead lead : model.openLeads()) {
			if (lead.chat == null) {
				continue;
			}
			if (!lead.importerJoined) {
				choices.add(new Choice(12, "importer of " + lead + " enters the group", () -> importerEnters(lead)));
			}
			for (long member : lead.service.team()) {
				if (!lead.partnerMembersJoined.contains(member)) {
					choices.add(new Choice(lead.partnerMembersJoined.isEmpty() ? 6 : 1,
							"partner member " + member + " presses Join chat for " + lead, () -> partnerJoins(lead, member)));
				}
			}
			List<Long> parties = lead.joinedParties();
			if (!parties.isEmpty()) {
				long party = parties.get(random.nextInt(parties.size()));
				if (up) {
					for (Specialization specialization : model.specializations) {
						choices.add(new Choice(2, "party " + party + " of " + lead + " invites " + specialization.code(),
								() -> invite(lead, party, specialization)));
					}
				}
				choices.add(new Choice(1, "party " + party + " writes in the group of " + lead, () -> talk(lead, party)));
			}
			if (!lead.partnerMembersJoined.isEmpty() && up) {
				long member = lead.partnerMembersJoined.iterator().next();
				choices.add(new Choice(1, "partner member " + member + " promises /eta in " + lead, () -> eta(lead, member)));
				choices.add(new Choice(2, "partner member " + member + " closes " + lead, () -> close(lead, member)));
			}
			if (up) {
				choices.add(new Choice(1, "the admin closes " + lead, () -> close(lead, World.ADMIN)));
			}
			if (lead.importerLink != null) {
				choices.add(new Choice(1, "the stranger opens the importer's link of " + lead,
						() -> strangerKnocks(model.stranger, lead.importerLink)));
			}
		}
		for (Model.Invitation invitation : model.openInvitations()) {
			if (invitation.livePartner == null || !up) {
				continue;
			}
			List<Long> team = model.teams.get(invitation.livePartner);
			long member = team.get(random.nextInt(team.size()));
			choices.add(new Choice(5, "partner member " + member + " presses Join on " + invitation, () -> acceptOffer(invitation, member)));
			choices.add(new Choice(4, "partner member " + member + " declines " + invitation, () -> declineOffer(invitation, member)));
			choices.add(new Choice(1, "the inviter cancels " + invitation, () -> cancelInvite(invitation)));
		}
		for (Model.Invitation invitation : model.invitations) {
			if (invitation.state == InvitationState.ACCEPTED && invitation.lead.isOpen()) {
				for (long member : model.teams.get(invitation.acceptedPartner)) {
					if (!invitation.lead.invitedJoined.contains(member)) {
						choices.add(new Choice(5, "invited partner member " + member + " enters the group of " + invitation,
								() -> invitedEnters(invitation, member)));
					}
				}
			}
		}
		if (!model.oldLinks.isEmpty()) {
			String link = model.oldLinks.get(random.nextInt(model.oldLinks.size()));
			long holder = model.importers.get(random.nextInt(model.importers.size()));
			choices.add(new Choice(1, "importer " + holder + " opens an old link of a closed deal", () -> strangerKnocks(holder, link)));
		}
		if (up && model.groups.size() < 6) {
			choices.add(new Choice(model.waiting.isEmpty() ? 1 : 6, "the admin adds a group to the pool", this::addGroup));
		}
		boolean everyImporterIn = model.openLeads().stream().allMatch(l -> l.importerJoined);
		if (up && everyImporterIn) {
			int minutes = 20 + random.nextInt(160);
			choices.add(new Choice(model.openInvitations().isEmpty() ? 1 : 5, "the clock moves " + minutes + " min",
					() -> moveClock(Duration.ofMinutes(minutes))));
		}
		if (choices.isEmpty()) {
			return () -> record("nobody can do anything");
		}
		int total = choices.stream().mapToInt(Choice::weight).sum();
		int draw = random.nextInt(total);
		for (Choice choice : choices) {
			draw -= choice.weight();
			if (draw < 0) {
				return () -> {
					record(choice.description());
					choice.action().run();
				};
			}
		}
		throw new IllegalStateException("unreachable");
	}

	// --- actions, as people do them

	private void contact(long importer, ServiceRef service) {
		HttpResponse<Void> response = send(HttpRequest.newBuilder(URI.create(world.siteUrl() + service.path() + "/contact"))
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 simulation-" + importer).GET().build());
		String location = response.headers().firstValue("Location")
			.orElseThrow(() -> new AssertionError("Contact answered " + response.statusCode() + " without a redirect"));
		if (location.startsWith("/sandbox/open?url=")) {
			location = URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8);
		}
		if (!location.contains("?start=")) {
			throw new AssertionError("Contact did not lead to the bot's deep link: " + location);
		}
		model.links.get(importer).put(service.id(), location);
	}

	private void start(long importer, ServiceRef service) {
		SimulatedUser.LinkResult result = user(importer).openLink(model.links.get(importer).get(service.id()));
		expect("start_sent".equals(result.result()), "Start was not sent: " + result.raw());
		model.start(importer, service, world.appRunning());
	}

	private void importerEnters(Lead lead) {
		SimulatedUser importer = user(lead.importer);
		String label = text(lead.importer, "lead.group.open");
		String title = serviceTitle(lead, lead.importer);
		SeenMessage ready = newest(importer, importer.botChat(), m -> m.hasButton(label) && contains(m, title))
			.orElseThrow(() -> new AssertionError("importer " + lead.importer + " sees no '" + label + "' for " + title));
		lead.importerLink = (String) ready.button(label).get("url");
		SimulatedUser.PressResult result = importer.press(importer.botChat(), ready.id(), label);
		expect("join_requested".equals(result.result()), "the importer's own link did not ask to join: " + result.raw());
		lead.importerJoined = true;
	}

	private void partnerJoins(Lead lead, long member) {
		SimulatedUser partner = user(member);
		String label = text(member, "lead.partner.join");
		String title = serviceTitle(lead, member);
		String importerName = model.names.get(lead.importer);
		SeenMessage news = newest(partner, partner.botChat(), m -> m.hasButton(label) && contains(m, title) && contains(m, importerName))
			.orElseThrow(() -> new AssertionError("partner member " + member + " sees no news of " + lead));
		SimulatedUser.PressResult result = partner.press(partner.botChat(), news.id(), label);
		expect("join_requested".equals(result.result()), "the partner's own link did not ask to join: " + result.raw());
		lead.partnerMembersJoined.add(member);
	}

	private void invite(Lead lead, long inviter, Specialization specialization) {
		String task = "Task " + Long.toString(Math.abs(settings.seed()), 36) + "-" + step + "-" + (++tasks);
		SimulatedUser who = user(inviter);
		who.write(lead.chat, "/invite " + specialization.code());
		who.write(lead.chat, task);
		settle();
		boolean searching = model.openInvitations().stream()
			.anyMatch(i -> i.lead == lead && i.specialization == specialization);
		Set<Long> candidates = model.candidatesFor(lead, specialization);
		Optional<Map<String, Object>> created = world.jdbc.sql("SELECT * FROM invitations WHERE chat_id = :chat AND task = :task")
			.param("chat", lead.chat).param("task", task).query().listOfRows().stream().findFirst();
		if (searching || candidates.isEmpty()) {
			expect(created.isEmpty(), "an invitation was opened although " + (searching ? "a search for " + specialization
					+ " runs in the group" : "no partner can be offered it") + ": " + created.orElse(null));
			String key = searching ? "invite.already" : "invite.nocandidates";
			String refusal = plain(text(inviter, key, specializationName(inviter, specialization), "/" + storefront));
			expect(newest(who, lead.chat, m -> m.fromId() == botId && contains(m, head(refusal))).isPresent(),
					"the inviter was not told why nothing happened (" + key + ")");
			return;
		}
		expect(created.isPresent(), "no invitation was opened for " + specialization.code() + " in " + lead
				+ " although these partners could be offered it: " + candidates);
		long id = number(created.get().get("id"));
		Set<Long> ranked = new LinkedHashSet<>(world.jdbc.sql("SELECT partner_id FROM invitation_candidates WHERE invitation_id = :id")
			.param("id", id).query(Long.class).list());
		expect(ranked.equals(candidates), "invitation " + id + " for " + specialization.code() + " in " + lead + " ranked partners "
				+ ranked + ", but those who could be offered it are " + candidates + " (the deal's partner "
				+ lead.service.partnerId() + " and partners accepted in this deal " + lead.acceptedPartners + " excluded)");
		model.invited(id, lead, specialization, inviter, task, candidates);
	}

	private void talk(Lead lead, long who) {
		user(who).write(lead.chat, "Step " + step + ": hello from " + who);
	}

	private void eta(Lead lead, long member) {
		long command = user(member).write(lead.chat, "/eta 2h");
		settle();
		String[] parts = plain(messages.getMessage("sla.eta.promise", new Object[] { "\u0000", "\u0000" }, Locale.ENGLISH)).split("\u0000");
		String promise = parts[1].strip();
		expect(world.sandbox.allMessages(lead.chat).stream().anyMatch(m -> m.fromId() == botId && m.id() > command && contains(m, promise)),
				"the group was not told the promised answer time (\"" + promise + "\")");
	}

	private void close(Lead lead, long closer) {
		SimulatedUser who = user(closer);
		long command = who.write(lead.chat, "/close");
		settle();
		String label = text(closer, "lead.close.yes");
		SeenMessage question = newest(who, lead.chat, m -> m.hasButton(label) && m.id() > command)
			.orElseThrow(() -> new AssertionError(closer + " was not asked to confirm closing " + lead));
		who.press(lead.chat, question.id(), label);
		model.closed(lead);
	}

	private void acceptOffer(Model.Invitation invitation, long member) {
		SimulatedUser partner = user(member);
		String label = text(member, "invite.offer.join");
		SeenMessage offer = offerMessage(invitation, member, label);
		SimulatedUser.PressResult result = partner.press(partner.botChat(), offer.id(), label);
		expect(result.answered(), "the Join press was not answered: " + result.raw());
		model.accepted(invitation);
	}

	private void declineOffer(Model.Invitation invitation, long member) {
		SimulatedUser partner = user(member);
		String label = text(member, "invite.offer.decline");
		SeenMessage offer = offerMessage(invitation, member, label);
		partner.press(partner.botChat(), offer.id(), label);
		settle();
		String busy = text(member, "invite.reason.busy");
		SeenMessage asked = partner.messages(partner.botChat()).stream().filter(m -> m.id() == offer.id()).findFirst().orElseThrow();
		expect(asked.hasButton(busy), "Decline did not ask why: " + asked.buttons());
		partner.press(partner.botChat(), offer.id(), busy);
		model.passedOn(invitation);
	}

	private SeenMessage offerMessage(Model.Invitation invitation, long member, String label) {
		SimulatedUser partner = user(member);
		return newest(partner, partner.botChat(), m -> m.hasButton(label) && contains(m, invitation.task))
			.orElseThrow(() -> new AssertionError("partner member " + member + " sees no live offer of " + invitation));
	}

	private void cancelInvite(Model.Invitation invitation) {
		SimulatedUser inviter = user(invitation.inviter);
		String label = text(invitation.inviter, "invite.status.cancel");
		SeenMessage status = newest(inviter, invitation.chat, m -> m.hasButton(label) && contains(m, invitation.task))
			.orElseThrow(() -> new AssertionError("the inviter sees no status message with Cancel for " + invitation));
		inviter.press(invitation.chat, status.id(), label);
		model.cancelled(invitation);
	}

	private void invitedEnters(Model.Invitation invitation, long member) {
		SimulatedUser partner = user(member);
		String label = text(member, "invite.offer.open");
		SeenMessage message = newest(partner, partner.botChat(), m -> m.hasButton(label) && contains(m, invitation.task))
			.orElseThrow(() -> new AssertionError("member " + member + " of the accepted partner sees no link for " + invitation));
		SimulatedUser.PressResult result = partner.press(partner.botChat(), message.id(), label);
		expect("join_requested".equals(result.result()), "the invited partner's link did not ask to join: " + result.raw());
		invitation.lead.invitedJoined.add(member);
	}

	private void strangerKnocks(long who, String link) {
		SimulatedUser.LinkResult result = user(who).openLink(link);
		expect(!"joined".equals(result.result()), who + " entered a group straight through a link: " + result.raw());
	}

	private void addGroup() {
		SimulatedUser admin = user(World.ADMIN);
		long group = sandbox.createGroup("Sim pool " + (model.groups.size() + 1), admin);
		model.groupAdded(group);
	}

	/** Time passes: every live offer past its deadline is due, and its durable timer runs now. */
	private void moveClock(Duration duration) {
		world.clock.advance(duration);
		Instant now = world.clock.instant();
		SchedulerClient scheduler = world.bean(SchedulerClient.class);
		for (Model.Invitation invitation : model.openInvitations()) {
			if (invitation.liveDeadline != null && !now.isBefore(invitation.liveDeadline)) {
				boolean rescheduled = scheduler.reschedule(TaskInstanceId.of(DEADLINE_TASK, Long.toString(invitation.liveOfferId)),
						Instant.now());
				expect(rescheduled, "offer " + invitation.liveOfferId + " of " + invitation + " has no deadline timer");
				model.passedOn(invitation);
			}
		}
	}

	/** The app stops; people go on acting (Telegram keeps their updates); the app starts again and catches up. */
	private void restart() {
		record("the app stops");
		users.keySet().forEach(this::locale);
		world.stopApp();
		int offline = 1 + random.nextInt(3);
		for (int i = 0; i < offline; i++) {
			Runnable action = next();
			action.run();
		}
		record("the app starts again");
		world.startApp();
		catalog = world.bean(Catalog.class);
		messages = world.bean(MessageSource.class);
		accounts = world.bean(Accounts.class);
		settle();
	}

	private void faultsOn() {
		long faultSeed = random.nextLong();
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("rate_429", 0.04);
		plan.put("rate_5xx", 0.04);
		plan.put("rate_timeout", 0.04);
		plan.put("retry_after", 1);
		plan.put("timeout_ms", 300);
		plan.put("seed", faultSeed);
		sandbox.faults(plan);
		record("the sandbox injects faults (4 % 429, 4 % 5xx, 4 % time-outs, seed " + faultSeed + ")");
	}

	private void faultsOff() {
		if (faultsFrom > 0) {
			sandbox.noFaults();
		}
	}

	// --- waiting until the system is quiet

	/**
	 * Waits until nothing is in flight: no update waiting in Telegram, none in the inbox, no
	 * message in the outbox, no event publication incomplete, no due offer deadline; twice in a
	 * row, since a sent message may cause a new update (an approved join).
	 */
	private void settle() {
		if (!world.appRunning()) {
			return;
		}
		long deadline = System.nanoTime() + SETTLE.toNanos();
		int quiet = 0;
		while (quiet < 2) {
			if (System.nanoTime() > deadline) {
				throw fail("the system did not settle within " + SETTLE.toSeconds() + " s: " + busy(), null);
			}
			quiet = busy().isEmpty() ? quiet + 1 : 0;
			pause(quiet == 0 ? 60 : 40);
		}
	}

	private String busy() {
		List<String> busy = new ArrayList<>();
		long pending = sandbox.stats().pendingUpdates();
		if (pending > 0) {
			busy.add(pending + " updates waiting in Telegram");
		}
		long inbox = count("SELECT COUNT(*) FROM telegram_inbox WHERE status = 'PENDING'");
		if (inbox > 0) {
			busy.add(inbox + " updates in the inbox");
		}
		long outbox = count("SELECT COUNT(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')");
		if (outbox > 0) {
			busy.add(outbox + " calls in the outbox");
		}
		// a registered or released group joins the pool once the bot read its history setting
		long checking = count("SELECT COUNT(*) FROM working_groups WHERE status = 'CHECKING'");
		if (checking > 0) {
			busy.add(checking + " groups having their history setting checked");
		}
		long events = count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
		if (events > 0) {
			busy.add(events + " event publications incomplete");
		}
		long timers = world.jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task AND execution_time <= :now")
			.param("task", DEADLINE_TASK).param("now", OffsetDateTime.now()).query(Long.class).single();
		if (timers > 0) {
			busy.add(timers + " offer deadlines due");
		}
		return String.join(", ", busy);
	}

	// --- observing what the product chose, where the model allows a choice

	private void observe() {
		if (world.appRunning()) {
			// leads started while the app was down: the order it caught up in decides who got the free groups
			int free = model.unclaimedFree();
			for (Lead lead : List.copyOf(model.undecided)) {
				String status = leadRow(lead).map(r -> (String) r.get("status")).orElse(null);
				expect("OPEN".equals(status) || "WAITING_FOR_GROUP".equals(status),
						lead + " was started while the app was down and is " + status + " now: " + leadRows());
				model.decided(lead, "OPEN".equals(status));
			}
			expect(model.unclaimedFree() >= 0, "leads started while the app was down got more groups than were free (" + free
					+ "): " + leadRows());
			// a group was added or released: as many waiting leads as there were groups got one
			for (Lead lead : List.copyOf(model.waiting)) {
				if (model.toServe > 0 && leadRow(lead).filter(r -> "OPEN".equals(r.get("status"))).isPresent()) {
					model.served(lead);
				}
			}
			expect(model.toServe == 0, model.toServe + " waiting leads should have got the groups that became free: " + leadRows());
		}
		for (Lead lead : List.copyOf(model.awaitingGroup)) {
			Map<String, Object> row = leadRow(lead).orElse(null);
			if (row == null || !"OPEN".equals(row.get("status")) || row.get("chat_id") == null) {
				if (!world.appRunning()) {
					continue;
				}
				throw fail(lead + " should have a group (one was free), the database says " + row + "; all: " + leadRows(), null);
			}
			long chat = number(row.get("chat_id"));
			List<Long> free = model.freeGroups();
			expect(free.contains(chat), lead + " got group " + chat + ", which was not free; free: " + free);
			lead.chat = chat;
			model.awaitingGroup.remove(lead);
		}
		for (Lead lead : model.leads) {
			if (lead.dbId == null) {
				leadRow(lead).ifPresent(row -> lead.dbId = number(row.get("id")));
			}
		}
		if (!world.appRunning()) {
			return;
		}
		for (Model.Invitation invitation : model.openInvitations()) {
			if (invitation.livePartner != null) {
				continue;
			}
			Map<String, Object> row = world.jdbc.sql("SELECT status FROM invitations WHERE id = :id").param("id", invitation.dbId)
				.query().singleRow();
			List<Map<String, Object>> live = world.jdbc
				.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id AND status = 'LIVE'").param("id", invitation.dbId)
				.query().listOfRows();
			List<Long> skipped = world.jdbc.sql("SELECT partner_id FROM invitation_history WHERE invitation_id = :id AND event = 'SKIPPED'")
				.param("id", invitation.dbId).query(Long.class).list();
			for (long partner : skipped) {
				if (invitation.skipped.add(partner)) {
					expect(invitation.candidates.contains(partner) && inGroupNow(invitation.lead, partner),
							invitation + " skipped partner " + partner + ", who has nobody in the group");
				}
			}
			if ("EXHAUSTED".equals(row.get("status"))) {
				Set<Long> left = new LinkedHashSet<>(invitation.allowedNext);
				left.removeAll(invitation.skipped);
				expect(left.isEmpty(), invitation + " ended with nobody left although " + left + " could still be offered it");
				invitation.state = InvitationState.EXHAUSTED;
				continue;
			}
			expect(live.size() == 1, invitation + " should have one live offer, the database has " + live.size());
			long partner = number(live.get(0).get("partner_id"));
			expect(invitation.allowedNext.contains(partner) && !invitation.skipped.contains(partner),
					invitation + " was offered to partner " + partner + ", not one of " + invitation.allowedNext);
			invitation.livePartner = partner;
			invitation.liveOfferId = number(live.get(0).get("id"));
			invitation.liveDeadline = ((OffsetDateTime) world.jdbc.sql("SELECT deadline FROM invitation_offers WHERE id = :id")
				.param("id", invitation.liveOfferId).query(OffsetDateTime.class).single()).toInstant();
			invitation.allowedNext = null;
		}
	}

	private boolean inGroupNow(Lead lead, long partner) {
		return model.teams.get(partner).stream().anyMatch(m -> isMember(lead.chat, m));
	}

	/** The leads of this simulation's importers as the database has them, for failure messages. */
	private List<String> leadRows() {
		return world.jdbc.sql("SELECT * FROM leads WHERE importer_id IN (:importers) ORDER BY id").param("importers", model.importers)
			.query().listOfRows().stream().map(r -> "#" + r.get("id") + " " + r.get("importer_id") + "/" + r.get("service_id") + " "
					+ r.get("status") + (r.get("chat_id") == null ? "" : " in " + r.get("chat_id"))).toList();
	}

	private Optional<Map<String, Object>> leadRow(Lead lead) {
		List<Map<String, Object>> rows = world.jdbc
			.sql("SELECT * FROM leads WHERE importer_id = :importer AND service_id = :service ORDER BY id")
			.param("importer", lead.importer).param("service", lead.service.id()).query().listOfRows();
		List<Lead> same = model.leads.stream()
			.filter(l -> l.importer == lead.importer && l.service.id() == lead.service.id()).toList();
		int index = same.indexOf(lead);
		return index < rows.size() ? Optional.of(rows.get(index)) : Optional.empty();
	}

	// --- invariants

	private void checkInvariants(boolean deliveries) {
		if (!world.appRunning()) {
			return;
		}
		long began = System.nanoTime();
		try {
			checkAll(deliveries);
		}
		finally {
			checking += System.nanoTime() - began;
		}
	}

	private void checkAll(boolean deliveries) {
		noStrangerInAnyGroup();
		leadsAsModelled();
		noGroupHeldByTwoDeals();
		invitationsAsModelled();
		peopleSeeWhatTheyShould();
		nothingDeadOrFailed();
		if (deliveries) {
			everyMessageDeliveredOnce();
		}
	}

	/** Every member of a pool group is the bot, staff, or a party of the deal the group serves now. */
	private void noStrangerInAnyGroup() {
		for (long chat : model.groups) {
			Set<Long> allowed = model.allowedIn(chat, botId);
			Set<Long> members = members(chat);
			Set<Long> strangers = new LinkedHashSet<>(members);
			strangers.removeAll(allowed);
			expect(strangers.isEmpty(), "strangers " + strangers + " are in group " + chat + " (serving "
					+ model.leadIn(chat).map(Object::toString).orElse("nobody") + "); allowed: " + allowed);
			Set<Long> missing = new LinkedHashSet<>(model.expectedIn(chat));
			missing.removeAll(members);
			expect(missing.isEmpty(), "people who entered group " + chat + " are not in it: " + missing);
		}
	}

	/** Every Start that should make a lead made exactly one; none more; each in the state the model says. */
	private void leadsAsModelled() {
		List<Map<String, Object>> rows = world.jdbc.sql("SELECT * FROM leads WHERE importer_id IN (:importers) ORDER BY id")
			.param("importers", model.importers).query().listOfRows();
		expect(rows.size() == model.leads.size(), "the database has " + rows.size() + " leads of these importers, the model "
				+ model.leads.size() + ": " + rows.stream().map(r -> r.get("id") + ":" + r.get("importer_id") + "/"
						+ r.get("service_id") + "/" + r.get("status")).toList() + " vs " + model.leads);
		Map<String, Long> live = new HashMap<>();
		for (Map<String, Object> row : rows) {
			if (!"CLOSED".equals(row.get("status"))) {
				String key = row.get("importer_id") + "/" + row.get("service_id");
				expect(live.put(key, number(row.get("id"))) == null, "two live leads for importer and service " + key);
			}
		}
		for (Lead lead : model.leads) {
			Map<String, Object> row = leadRow(lead).orElseThrow(() -> new AssertionError(lead + " is lost"));
			String expected = switch (lead.state) {
				case WAITING -> "WAITING_FOR_GROUP";
				case OPEN -> "OPEN";
				case CLOSED -> "CLOSED";
			};
			expect(expected.equals(row.get("status")), lead + " is " + row.get("status") + " in the database");
			if (lead.state == LeadState.OPEN && lead.chat != null) {
				expect(lead.chat.equals(number(row.get("chat_id"))), lead + " is in group " + row.get("chat_id") + " in the database");
			}
		}
	}

	/** A group serves at most one deal; the pool's view agrees with the leads. */
	private void noGroupHeldByTwoDeals() {
		List<Map<String, Object>> doubled = world.jdbc
			.sql("SELECT chat_id, COUNT(*) AS n FROM leads WHERE status = 'OPEN' GROUP BY chat_id HAVING COUNT(*) > 1").query()
			.listOfRows();
		expect(doubled.isEmpty(), "groups held by two open leads: " + doubled);
		for (long chat : model.groups) {
			Map<String, Object> group = world.jdbc.sql("SELECT * FROM working_groups WHERE chat_id = :chat").param("chat", chat)
				.query().listOfRows().stream().findFirst().orElseThrow(() -> new AssertionError("group " + chat + " is not in the pool"));
			Optional<Lead> lead = model.leadIn(chat);
			if (lead.isPresent()) {
				expect("IN_USE".equals(group.get("status")) && "LEAD".equals(group.get("holder_kind"))
						&& lead.get().dbId != null && lead.get().dbId.equals(number(group.get("holder_id"))),
						"group " + chat + " serves " + lead.get() + " but the pool says " + group);
			}
			else if (model.awaitingGroup.isEmpty()) {
				expect("FREE".equals(group.get("status")), "group " + chat + " serves nobody but the pool says " + group);
			}
		}
	}

	/** At most one live offer per invitation anywhere; each invitation of the model in its state, its live offer where it should be. */
	private void invitationsAsModelled() {
		List<Map<String, Object>> doubled = world.jdbc
			.sql("SELECT invitation_id, COUNT(*) AS n FROM invitation_offers WHERE status = 'LIVE' GROUP BY invitation_id HAVING COUNT(*) > 1")
			.query().listOfRows();
		expect(doubled.isEmpty(), "invitations with two live offers: " + doubled);
		for (Model.Invitation invitation : model.invitations) {
			Map<String, Object> row = world.jdbc.sql("SELECT * FROM invitations WHERE id = :id").param("id", invitation.dbId).query()
				.singleRow();
			expect(invitation.state.name().equals(row.get("status")), invitation + " is " + row.get("status") + " in the database");
			List<Map<String, Object>> live = world.jdbc
				.sql("SELECT * FROM invitation_offers WHERE invitation_id = :id AND status = 'LIVE'").param("id", invitation.dbId)
				.query().listOfRows();
			if (invitation.state == InvitationState.OPEN) {
				expect(live.size() == 1 && invitation.liveOfferId != null && invitation.liveOfferId == number(live.get(0).get("id")),
						invitation + " should have its one live offer, the database has " + live);
			}
			else {
				expect(live.isEmpty(), invitation + " is over but has a live offer: " + live);
			}
			if (invitation.state == InvitationState.ACCEPTED) {
				expect(invitation.acceptedPartner.equals(number(row.get("accepted_partner_id"))),
						invitation + " was accepted by partner " + row.get("accepted_partner_id"));
			}
		}
	}

	/** Importers of open leads see their way in; the offered team sees Join and Decline; finished offers show neither. */
	private void peopleSeeWhatTheyShould() {
		for (Lead lead : model.openLeads()) {
			if (lead.chat == null || lead.importerJoined) {
				continue;
			}
			String label = text(lead.importer, "lead.group.open");
			String title = serviceTitle(lead, lead.importer);
			SimulatedUser importer = user(lead.importer);
			expect(newest(importer, importer.botChat(), m -> m.hasButton(label) && contains(m, title)).isPresent(),
					"the importer of " + lead + " does not see the button to enter the group");
		}
		for (Model.Invitation invitation : model.invitations) {
			Set<Long> shouldSee = invitation.state == InvitationState.OPEN && invitation.livePartner != null
					? new HashSet<>(model.teams.get(invitation.livePartner)) : Set.of();
			for (long partner : invitation.offered) {
				if (!finishedOffersSeen.add(invitation.dbId + "/" + partner)) {
					continue; // a finished offer stays finished: its message was checked when it ended
				}
				for (long member : model.teams.get(partner)) {
					if (shouldSee.contains(member)) {
						continue;
					}
					String join = text(member, "invite.offer.join");
					SimulatedUser user = user(member);
					expect(newest(user, user.botChat(), m -> m.hasButton(join) && contains(m, invitation.task)).isEmpty(),
							"member " + member + " still sees Join on a finished offer of " + invitation);
				}
			}
			for (long member : shouldSee) {
				String join = text(member, "invite.offer.join");
				SimulatedUser user = user(member);
				expect(newest(user, user.botChat(), m -> m.hasButton(join) && contains(m, invitation.task)).isPresent(),
						"member " + member + " of the offered partner does not see Join on " + invitation);
			}
		}
	}

	/** No update went to the dead-letter list and no call to Telegram was given up. */
	private void nothingDeadOrFailed() {
		List<Map<String, Object>> dead = world.jdbc.sql("SELECT update_id, last_error FROM telegram_inbox WHERE status = 'DEAD'").query()
			.listOfRows();
		expect(dead.isEmpty(), "updates on the dead-letter list: " + dead);
		List<Map<String, Object>> failed = world.jdbc
			.sql("SELECT id, chat_id, method, last_error FROM telegram_outbox WHERE status = 'FAILED'").query().listOfRows();
		expect(failed.isEmpty(), "calls to Telegram given up: " + failed);
	}

	/**
	 * Every message the outbox sent is in its chat once: none lost, and a second copy only inside
	 * the at-least-once window (a time-out after the effect), so duplicates never outnumber those.
	 */
	private void everyMessageDeliveredOnce() {
		Set<Long> chats = new LinkedHashSet<>(model.groups);
		chats.addAll(users.keySet());
		long duplicates = 0;
		for (long chat : chats) {
			List<Long> sent = world.jdbc.sql("""
					SELECT telegram_message_id FROM telegram_outbox
					WHERE chat_id = :chat AND status = 'SENT' AND method IN ('sendMessage', 'sendDocument')""")
				.param("chat", chat).query(Long.class).list();
			List<Long> seen;
			try {
				seen = sandbox.allMessages(chat).stream().filter(m -> m.fromId() == botId && !m.isService()).map(SeenMessage::id).toList();
			}
			catch (SandboxClient.SandboxException noChat) {
				seen = List.of();
			}
			Set<Long> missing = new LinkedHashSet<>(sent);
			missing.removeAll(seen);
			expect(missing.isEmpty(), "messages sent to chat " + chat + " that it does not have: " + missing);
			duplicates += seen.size() - sent.size();
		}
		long window = sandbox.stats().timeoutsAfterEffect();
		expect(duplicates <= window, duplicates + " messages arrived twice, but only " + window
				+ " calls timed out after their effect (the at-least-once window)");
		duplicatesAllowedBefore = duplicates;
	}

	private long sandboxDuplicates() {
		return duplicatesAllowedBefore;
	}

	// --- helpers

	private Set<Long> members(long chat) {
		Set<Long> members = new LinkedHashSet<>();
		for (SandboxClient.Member member : sandbox.members(chat)) {
			if (List.of("member", "administrator", "creator").contains(member.status())) {
				members.add(member.id());
			}
		}
		return members;
	}

	private boolean isMember(long chat, long user) {
		return members(chat).contains(user);
	}

	private Optional<SeenMessage> newest(SimulatedUser user, long chat, java.util.function.Predicate<SeenMessage> wanted) {
		List<SeenMessage> seen = user.messages(chat);
		for (int i = seen.size() - 1; i >= 0; i--) {
			if (wanted.test(seen.get(i))) {
				return Optional.of(seen.get(i));
			}
		}
		return Optional.empty();
	}

	private static boolean contains(SeenMessage message, String fragment) {
		return message.text() != null && message.text().contains(fragment);
	}

	private String text(long user, String key, Object... args) {
		return messages.getMessage(key, args, locale(user));
	}

	/** The person's language as the bot knows it; while the app is down, as it knew it last (or as the person set it up). */
	private Locale locale(long user) {
		if (world.appRunning()) {
			locales.put(user, accounts.localeOf(user));
		}
		return locales.getOrDefault(user, Locale.ENGLISH);
	}

	private String serviceTitle(Lead lead, long reader) {
		return serviceCards.get(lead.service.id()).title(locale(reader));
	}

	private String specializationName(long reader, Specialization specialization) {
		return messages.getMessage(specialization.messageKey(), null, locale(reader));
	}

	private static String plain(String html) {
		return html.replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
	}

	private static String head(String text) {
		String line = text.split("\n", 2)[0];
		return line.length() > 40 ? line.substring(0, 40) : line;
	}

	private long count(String sql) {
		return world.jdbc.sql(sql).query(Long.class).single();
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private HttpResponse<Void> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception e) {
			throw new IllegalStateException("the site did not answer " + request.uri(), e);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void record(String what) {
		log.add(String.format("%3d %s", step, what));
	}

	private void expect(boolean condition, String what) {
		if (!condition) {
			throw fail(what, null);
		}
	}

	private void expect(boolean condition, Supplier<String> what) {
		if (!condition) {
			throw fail(what.get(), null);
		}
	}

	private Failure fail(String what, Throwable cause) {
		StringBuilder message = new StringBuilder();
		message.append("Simulation seed ").append(settings.seed()).append(" broke at step ").append(step).append(": ")
			.append(what).append("\nreplay: ./mvnw -q -o test -Dtest=WholeFlowSimulationTests#replay ").append(settings.replay())
			.append("\nsteps:\n");
		log.forEach(line -> message.append("  ").append(line).append('\n'));
		return new Failure(message.toString(), cause);
	}
}
