package com.b2brics.connect.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * Partner onboarding as the people do it in Telegram: an admin issues a one-time code, a member
 * of the partner's team starts the bot with it (or types it), shares their own contact and is in
 * the team, so the partner's next lead reaches them; and every wrong turn gets a clear answer
 * and changes nothing. Each test makes its own partner company, so demo partners and other
 * tests are not touched.
 */
class PartnerOnboardingEndToEndTests extends EndToEndTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
	private static final Pattern CODE = Pattern.compile("\\b([2-9A-Z]{5}-[2-9A-Z]{5})\\b");
	private static final Pattern LINK = Pattern.compile("https://t\\.me/\\S+\\?start=join_[2-9A-Z]{10}");
	private static final String SHARE = "📱 Share my contact";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;

	/** The partners made here leave the shared catalog as they found it (demo checks look at every partner). */
	@AfterEach
	void removeTestPartners() {
		jdbc.sql("DELETE FROM catalog_partners WHERE slug LIKE 'onboarding-%'").update();
	}

	/** A partner company of its own for one test (no team yet); returns it as the catalog sees it. */
	private Partner newPartner(String name) {
		String slug = "onboarding-" + SEQUENCE.incrementAndGet();
		jdbc.sql("INSERT INTO catalog_partners (slug, company_name) VALUES (:slug, :name)")
			.param("slug", slug).param("name", name + " " + slug).update();
		return catalog.partner(slug).orElseThrow();
	}

	/** What the admin got for /partnercode: the code as shown, and the ready-to-forward invitation. */
	private record Issued(String code, String invitation, String link) {
	}

	private Issued issueCode(Partner partner) {
		SimulatedUser admin = platformAdmin();
		long before = lastId(admin);
		admin.writeToBot("/partnercode " + partner.slug());
		return issuedAfter(admin, partner, before);
	}

	private Issued issuedAfter(SimulatedUser admin, Partner partner, long before) {
		SeenMessage code = await().atMost(Duration.ofSeconds(5)).until(() -> newer(admin, before,
				"One-time join code for the team of " + partner.companyName()), m -> m != null);
		SeenMessage invitation = await().atMost(Duration.ofSeconds(5)).until(() -> newer(admin, code.id(),
				"You are invited to join the team of " + partner.companyName()), m -> m != null);
		Matcher shown = CODE.matcher(code.text());
		assertThat(shown.find()).as(code.text()).isTrue();
		Matcher link = LINK.matcher(invitation.text());
		assertThat(link.find()).as(invitation.text()).isTrue();
		return new Issued(shown.group(1), invitation.text(), link.group());
	}

	private static long lastId(SimulatedUser user) {
		List<SeenMessage> messages = user.messages(user.botChat());
		return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
	}

	private static SeenMessage newer(SimulatedUser user, long afterId, String fragment) {
		return user.messages(user.botChat()).stream()
			.filter(m -> m.id() > afterId && m.text() != null && m.text().contains(fragment))
			.findFirst().orElse(null);
	}

	/** The bot's messages in the person's chat with it, in order. */
	private List<String> botSaid(SimulatedUser user) {
		return user.messages(user.botChat()).stream().filter(m -> m.fromId() != user.id()).map(SeenMessage::text).toList();
	}

	private List<Long> team(Partner partner) {
		return catalog.teamMemberIds(partner.id());
	}

	private Map<String, Object> codeRow(String shown) {
		return jdbc.sql("SELECT used_by, used_phone, used_at FROM partner_join_codes WHERE code = :code")
			.param("code", shown.replace("-", "")).query().singleRow();
	}

	private long pendingOf(SimulatedUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM partner_join_pending WHERE telegram_user_id = :id")
			.param("id", user.id()).query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> replyButtons(SimulatedUser user) {
		Map<String, Object> keyboard = user.replyKeyboard(user.botChat());
		if (keyboard == null) {
			return List.of();
		}
		List<Map<String, Object>> buttons = new ArrayList<>();
		((List<List<Map<String, Object>>>) keyboard.get("keyboard")).forEach(buttons::addAll);
		return buttons;
	}

	@Test
	void anAdminIssuesACodeAndThePartnersPersonJoinsByTheLinkAfterSharingTheirContact() {
		long violations = sandbox.stats().violationsTotal();
		Partner partner = newPartner("Volga Freight");
		Issued issued = issueCode(partner);
		assertThat(issued.link()).isEqualTo("https://t.me/" + sandbox.bot().username() + "?start=join_" + issued.code().replace("-", ""));
		assertThat(issued.invitation()).contains(issued.code()).contains("@" + sandbox.bot().username())
			.contains("share your contact");

		SimulatedUser maria = sandbox.newUser("Maria", "Petrova", "maria_volga", "en");
		assertThat(maria.openLink(issued.link()).result()).isEqualTo("start_sent");
		maria.sees(maria.botChat(), "You are about to join the team of " + partner.companyName());
		assertThat(replyButtons(maria)).anySatisfy(button -> {
			assertThat(button.get("text")).isEqualTo(SHARE);
			assertThat(button.get("request_contact")).isEqualTo(true);
		});
		assertThat(team(partner)).isEmpty();

		assertThat(maria.press(maria.botChat(), SHARE).result()).isEqualTo("contact_shared");
		SeenMessage welcome = maria.sees(maria.botChat(), "Welcome to the team of " + partner.companyName());
		assertThat(welcome.text()).contains("Maria");
		assertThat(replyButtons(maria)).isEmpty();
		assertThat(team(partner)).containsExactly(maria.id());
		assertThat(catalog.partnerOfTeamMember(maria.id())).map(Partner::id).contains(partner.id());
		assertThat(catalog.partner(partner.id()).orElseThrow().teamLinked()).isTrue();
		Map<String, Object> row = codeRow(issued.code());
		assertThat(((Number) row.get("used_by")).longValue()).isEqualTo(maria.id());
		assertThat((String) row.get("used_phone")).startsWith("+");
		assertThat(pendingOf(maria)).isZero();

		SimulatedUser admin = platformAdmin();
		SeenMessage told = admin.sees(admin.botChat(), "joined the team of " + partner.companyName());
		assertThat(told.text()).contains("Maria Petrova").contains("@maria_volga").contains(issued.code())
			.contains((String) row.get("used_phone"));

		// exactly one answer to the Start (no greeting, no "link not valid"), then the welcome
		assertThat(botSaid(maria)).hasSize(2);
		assertThat(sandbox.stats().violationsTotal()).as("Telegram rules broken").isEqualTo(violations);
	}

	@Test
	void theCodeTypedLaterInLowerCaseWorksTooAndNoStrayTextAnswerGetsInTheWay() {
		Partner partner = newPartner("Amazonas Certificação");
		Issued issued = issueCode(partner);
		SimulatedUser ivan = sandbox.newUser("Иван", "ru");
		ivan.startBot();
		ivan.sees(ivan.botChat(), "Здравствуйте, Иван!");

		ivan.writeToBot(issued.code().toLowerCase());
		ivan.sees(ivan.botChat(), "Вы вступаете в команду " + partner.companyName());
		ivan.press(ivan.botChat(), "📱 Поделиться контактом");
		ivan.sees(ivan.botChat(), "Добро пожаловать в команду " + partner.companyName());
		assertThat(team(partner)).containsExactly(ivan.id());
		assertThat(botSaid(ivan)).hasSize(3).noneMatch(text -> text.contains("Я работаю с кнопками"));
	}

	@Test
	void aMemberWhoJoinedGetsTheNextLeadOfTheirPartner() throws Exception {
		// a demo partner, so a real service card leads to it; the member is taken out again afterwards
		Service service = catalog.services("egypt").get(0);
		Partner partner = catalog.partner(service.partnerId()).orElseThrow();
		List<Long> demoTeam = team(partner);
		SimulatedUser omar = sandbox.newUser("Omar", "en");
		try {
			omar.startBot(JoinCode.PAYLOAD_PREFIX + issueCode(partner).code().replace("-", ""));
			omar.sees(omar.botChat(), "You are about to join");
			omar.press(omar.botChat(), SHARE);
			omar.sees(omar.botChat(), "Welcome to the team of " + partner.companyName());
			assertThat(team(partner)).containsAll(demoTeam).contains(omar.id()).hasSize(demoTeam.size() + 1);

			serveWaitingLeads();
			SimulatedUser admin = platformAdmin();
			long group = sandbox.createGroup("Room for the onboarding test", admin);
			admin.sees(group, "is now a B2BRICS working group");
			SimulatedUser importer = sandbox.newUser("Ines", "en");
			HttpResponse<Void> click = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + service.path() + "/contact"))
				.header("User-Agent", "Mozilla/5.0 Chrome/156.0").GET().build(), HttpResponse.BodyHandlers.discarding());
			String location = click.headers().firstValue("Location").orElseThrow();
			importer.openLink(URLDecoder.decode(location.substring("/sandbox/open?url=".length()), StandardCharsets.UTF_8));

			// an earlier test's waiting lead may reach the partner's team first: wait for this importer's
			SeenMessage news = omar.sees(omar.botChat(), "Importer: Ines");
			assertThat(news.text()).contains(service.title(Locale.ENGLISH)).contains(partner.companyName()).contains("/egypt")
				.contains("Ines");
			assertThat(news.hasButton("Join chat")).isTrue();
		}
		finally {
			jdbc.sql("DELETE FROM catalog_partner_members WHERE telegram_user_id = :id").param("id", omar.id()).update();
		}
	}

	@Test
	void withoutAnArgumentTheAdminPicksThePartnerFromButtons() {
		Partner partner = newPartner("Zambezi Inspection");
		SimulatedUser admin = platformAdmin();
		long before = lastId(admin);
		admin.writeToBot("/partnercode");
		SeenMessage choose = admin.sees(admin.botChat(), "Which partner company is the join code for?");
		assertThat(choose.buttons()).hasSizeBetween(2, PartnerOnboarding.PAGE_SIZE + 1).contains("More ›");
		String label = partner.companyName();
		for (int page = 0; page < 50 && !admin.messages(admin.botChat()).stream()
				.filter(m -> m.id() == choose.id()).findFirst().orElseThrow().hasButton(label); page++) {
			List<String> shown = admin.messages(admin.botChat()).stream().filter(m -> m.id() == choose.id()).findFirst()
				.orElseThrow().buttons();
			admin.press(admin.botChat(), choose.id(), "More ›");
			await().atMost(Duration.ofSeconds(5)).until(() -> !admin.messages(admin.botChat()).stream()
				.filter(m -> m.id() == choose.id()).findFirst().orElseThrow().buttons().equals(shown));
		}
		var pressed = admin.press(admin.botChat(), choose.id(), label);
		assertThat(pressed.text()).isEqualTo("Join code issued for " + partner.companyName() + ".");
		Issued issued = issuedAfter(admin, partner, before);
		assertThat(codeRow(issued.code()).get("used_at")).isNull();

		admin.writeToBot("/partnercode no-such-partner");
		assertThat(admin.sees(admin.botChat(), "There is no partner with the slug no-such-partner").buttons())
			.isNotEmpty();
	}

	@Test
	void someoneWhoIsNotAnAdminIsRefusedAndDoesNotSeeTheCommand() {
		long codes = jdbc.sql("SELECT COUNT(*) FROM partner_join_codes").query(Long.class).single();
		Partner partner = newPartner("Sneaky Target");
		SimulatedUser eve = sandbox.newUser("Eve", "en");
		eve.startBot();
		eve.writeToBot("/partnercode " + partner.slug());
		eve.sees(eve.botChat(), "/partnercode is for B2BRICS platform administrators only");
		eve.writeToBot("/partnercode");
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(eve).stream()
			.filter(text -> text.contains("platform administrators only")).count() == 2);
		eve.writeToBot("/help");
		assertThat(eve.sees(eve.botChat(), "What I can do").text()).doesNotContain("/partnercode");
		assertThat(botSaid(eve)).noneMatch(text -> text.contains("One-time join code") || text.contains("Which partner"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_join_codes").query(Long.class).single()).isEqualTo(codes);

		SimulatedUser admin = platformAdmin();
		long before = lastId(admin);
		admin.writeToBot("/help");
		assertThat(await().atMost(Duration.ofSeconds(5)).until(() -> newer(admin, before, "What I can do"), m -> m != null)
			.text()).contains("/partnercode");
		// Telegram's command menu, which every user sees, does not offer it
		String menu = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + "/bot" + sandbox.bot().token() + "/getMyCommands"))
			.GET().build(), HttpResponse.BodyHandlers.ofString()).join().body();
		assertThat(menu).contains("\"language\"").doesNotContain("partnercode");
	}

	@Test
	void unknownExpiredAndUsedCodesGetAClearAnswerAndChangeNothing() {
		SimulatedUser guess = sandbox.newUser("Guess", "en");
		guess.startBot("join_ZZZZZZZZZZ");
		guess.sees(guess.botChat(), "This join code is not valid");
		guess.writeToBot("ABCDE-FGHJK");
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(guess).stream().filter(t -> t.contains("not valid")).count() == 2);
		guess.startBot("join_nonsense");
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(guess).stream().filter(t -> t.contains("not valid")).count() == 3);
		assertThat(botSaid(guess)).hasSize(3);
		assertThat(pendingOf(guess)).isZero();

		Partner partner = newPartner("Old Code Logistics");
		Issued stale = issueCode(partner);
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		SimulatedUser late = sandbox.newUser("Late", "en");
		late.startBot("join_" + stale.code().replace("-", ""));
		late.sees(late.botChat(), "This join code has expired");
		assertThat(replyButtons(late)).isEmpty();
		assertThat(pendingOf(late)).isZero();
		clock.reset();

		Issued fresh = issueCode(partner);
		SimulatedUser first = sandbox.newUser("First", "en");
		first.openLink(fresh.link());
		first.sees(first.botChat(), "You are about to join");
		first.press(first.botChat(), SHARE);
		first.sees(first.botChat(), "Welcome to the team of");
		SimulatedUser second = sandbox.newUser("Second", "en");
		second.openLink(fresh.link());
		second.sees(second.botChat(), "This join code has already been used");
		assertThat(pendingOf(second)).isZero();

		// the member opens the same link again, and types it: already in the team, nothing changes
		first.openLink(fresh.link());
		first.sees(first.botChat(), "You are already in the team of " + partner.companyName());
		first.writeToBot(fresh.code());
		await().atMost(Duration.ofSeconds(5)).until(() -> botSaid(first).stream().filter(t -> t.contains("already in the team")).count() == 2);
		assertThat(team(partner)).containsExactly(first.id());
		assertThat(((Number) codeRow(fresh.code()).get("used_by")).longValue()).isEqualTo(first.id());
		assertThat(codeRow(stale.code()).get("used_at")).isNull();
	}

	@Test
	void aMemberOfOnePartnerCannotJoinAnotherWithACode() {
		Partner mine = newPartner("Home Team");
		Partner other = newPartner("Other Team");
		SimulatedUser lena = sandbox.newUser("Lena", "en");
		lena.openLink(issueCode(mine).link());
		lena.sees(lena.botChat(), "You are about to join");
		lena.press(lena.botChat(), SHARE);
		lena.sees(lena.botChat(), "Welcome to the team of " + mine.companyName());

		Issued foreign = issueCode(other);
		lena.openLink(foreign.link());
		assertThat(lena.sees(lena.botChat(), "is already in the team of " + mine.companyName()).text())
			.contains("one partner company only");
		assertThat(team(other)).isEmpty();
		assertThat(team(mine)).containsExactly(lena.id());
		assertThat(codeRow(foreign.code()).get("used_at")).isNull();
		assertThat(pendingOf(lena)).isZero();
	}

	@Test
	void someoneElsesContactOrTextInsteadOfTheContactIsRefusedUntilTheyShareTheirOwn() {
		Partner partner = newPartner("Careful Legal");
		Issued issued = issueCode(partner);
		SimulatedUser tom = sandbox.newUser("Tom", "en");
		SimulatedUser friend = sandbox.newUser("Friend", "en");
		tom.openLink(issued.link());
		tom.sees(tom.botChat(), "You are about to join");

		tom.shareContactOf(friend);
		tom.sees(tom.botChat(), "This is someone else's contact");
		assertThat(team(partner)).isEmpty();
		assertThat(codeRow(issued.code()).get("used_at")).isNull();
		assertThat(replyButtons(tom)).extracting(b -> b.get("text")).contains(SHARE);

		tom.writeToBot("here is my number +44 20 7946 0000");
		tom.sees(tom.botChat(), "To join, please press " + SHARE + " below, or Cancel");
		assertThat(botSaid(tom)).noneMatch(text -> text.contains("I work with buttons and commands"));
		assertThat(team(partner)).isEmpty();

		tom.press(tom.botChat(), SHARE);
		tom.sees(tom.botChat(), "Welcome to the team of " + partner.companyName());
		assertThat(team(partner)).containsExactly(tom.id());
		assertThat(team(partner)).doesNotContain(friend.id());
	}

	@Test
	void cancellingLeavesEverythingAsItWasAndAContactNobodyAskedForIsAnsweredPolitely() {
		Partner partner = newPartner("Second Thoughts Finance");
		Issued issued = issueCode(partner);
		SimulatedUser nina = sandbox.newUser("Nina", "en");
		nina.openLink(issued.link());
		nina.sees(nina.botChat(), "You are about to join");
		nina.press(nina.botChat(), "Cancel");
		nina.sees(nina.botChat(), "Cancelled; nothing has changed");
		assertThat(pendingOf(nina)).isZero();
		assertThat(replyButtons(nina)).isEmpty();

		nina.shareContact("+971500000001");
		nina.sees(nina.botChat(), "I did not ask for a contact");
		nina.writeToBot("hello?");
		nina.sees(nina.botChat(), "I work with buttons and commands");
		assertThat(team(partner)).isEmpty();
		assertThat(codeRow(issued.code()).get("used_at")).isNull();
	}

	@Test
	void twoPeopleSharingTheirContactAtOnceWithOneCodeOnlyOneJoins() throws Exception {
		Partner partner = newPartner("Race Marketing");
		Issued issued = issueCode(partner);
		SimulatedUser a = sandbox.newUser("Alpha", "en");
		SimulatedUser b = sandbox.newUser("Bravo", "en");
		a.openLink(issued.link());
		b.openLink(issued.link());
		a.sees(a.botChat(), "You are about to join");
		b.sees(b.botChat(), "You are about to join");

		CyclicBarrier together = new CyclicBarrier(2);
		CompletableFuture<?> one = CompletableFuture.runAsync(() -> shareAfter(together, a));
		CompletableFuture<?> two = CompletableFuture.runAsync(() -> shareAfter(together, b));
		CompletableFuture.allOf(one, two).join();

		await().atMost(Duration.ofSeconds(10)).until(() -> answered(a) && answered(b));
		List<SimulatedUser> joined = List.of(a, b).stream().filter(u -> u.currentlySees(u.botChat(), "Welcome to the team")).toList();
		List<SimulatedUser> refused = List.of(a, b).stream().filter(u -> u.currentlySees(u.botChat(), "already been used")).toList();
		assertThat(joined).hasSize(1);
		assertThat(refused).hasSize(1);
		assertThat(team(partner)).containsExactly(joined.get(0).id());
		assertThat(((Number) codeRow(issued.code()).get("used_by")).longValue()).isEqualTo(joined.get(0).id());
	}

	private static void shareAfter(CyclicBarrier together, SimulatedUser user) {
		try {
			together.await();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		user.press(user.botChat(), SHARE);
	}

	private static boolean answered(SimulatedUser user) {
		return user.currentlySees(user.botChat(), "Welcome to the team") || user.currentlySees(user.botChat(), "already been used");
	}
}
