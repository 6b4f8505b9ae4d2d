package com.b2brics.connect.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.telegram.TelegramUser;

/**
 * One code, two people redeeming it in concurrent transactions: the database lets exactly one
 * win, whichever commits first, on H2 and on PostgreSQL; the loser is told the code is used and
 * joins no team.
 */
class JoinCodeRaceTests extends EndToEndTest {

	private static long nextUser = 6_390_000_000L + (System.nanoTime() % 1_000_000) * 100;

	@Autowired
	PartnerOnboarding onboarding;

	@Autowired
	JoinCodes codes;

	@Autowired
	Catalog catalog;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void removeTestPartners() {
		jdbc.sql("DELETE FROM catalog_partners WHERE slug LIKE 'race-%'").update();
	}

	private long newPartner() {
		String slug = "race-" + System.nanoTime();
		jdbc.sql("INSERT INTO catalog_partners (slug, company_name) VALUES (:slug, 'Race Co')").param("slug", slug).update();
		return catalog.partner(slug).orElseThrow().id();
	}

	private static synchronized TelegramUser person() {
		long id = ++nextUser;
		return new TelegramUser(id, "Racer" + id % 1000, null, null, "en", false);
	}

	private String issue(long partner) {
		Instant now = clock.instant();
		return transactions.execute(tx -> codes.issue(partner, PLATFORM_ADMIN, now, now.plusSeconds(3600)));
	}

	@Test
	void ofTwoPeopleRedeemingOneCodeAtTheSameMomentExactlyOneJoins() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				long partner = newPartner();
				String code = issue(partner);
				TelegramUser a = person();
				TelegramUser b = person();
				CyclicBarrier together = new CyclicBarrier(2);
				Future<PartnerOnboarding.Outcome> first = threads.submit(() -> {
					together.await();
					return transactions.execute(tx -> onboarding.join(a, code, "+1000"));
				});
				Future<PartnerOnboarding.Outcome> second = threads.submit(() -> {
					together.await();
					return transactions.execute(tx -> onboarding.join(b, code, "+2000"));
				});
				List<PartnerOnboarding.Outcome> outcomes = List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
				assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(PartnerOnboarding.Outcome.JOINED,
						PartnerOnboarding.Outcome.USED);
				long winner = outcomes.get(0) == PartnerOnboarding.Outcome.JOINED ? a.id() : b.id();
				assertThat(catalog.teamMemberIds(partner)).containsExactly(winner);
				assertThat(codes.find(code).orElseThrow().usedBy()).isEqualTo(winner);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theSecondWaitsForTheFirstsTransactionAndLosesWhenItCommits() throws Exception {
		long partner = newPartner();
		String code = issue(partner);
		TelegramUser a = person();
		TelegramUser b = person();
		CountDownLatch redeemedByA = new CountDownLatch(1);
		CountDownLatch letACommit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<PartnerOnboarding.Outcome> first = threads.submit(() -> transactions.execute(tx -> {
				PartnerOnboarding.Outcome outcome = onboarding.join(a, code, "+1000");
				redeemedByA.countDown();
				await(letACommit);
				return outcome;
			}));
			assertThat(redeemedByA.await(10, TimeUnit.SECONDS)).isTrue();
			// A holds the code's row, uncommitted; B's redemption has to wait for it
			Future<PartnerOnboarding.Outcome> second = threads.submit(() -> transactions.execute(tx -> onboarding.join(b, code, "+2000")));
			List<Object> notYet = new ArrayList<>();
			try {
				notYet.add(second.get(300, TimeUnit.MILLISECONDS));
			}
			catch (java.util.concurrent.TimeoutException expected) {
				// still waiting for A's row lock, as it should
			}
			assertThat(notYet).as("B must not decide while A's redemption is uncommitted").isEmpty();
			letACommit.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(PartnerOnboarding.Outcome.JOINED);
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(PartnerOnboarding.Outcome.USED);
			assertThat(catalog.teamMemberIds(partner)).containsExactly(a.id());
		}
		finally {
			letACommit.countDown();
			threads.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
