package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.EndToEndTest;

/**
 * Two Starts at the same moment: while one transaction holds the oldest free group (its lead
 * not yet committed), the other gets the next free group at once instead of waiting with groups
 * free. H2 applies LIMIT before SKIP LOCKED, which once left such a lead waiting.
 */
class GroupTakeRaceTests extends EndToEndTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aHolderTakingAGroupWhileAnotherTransactionHoldsTheOldestFreeOneGetsTheNextFreeOneAtOnce() throws Exception {
		serveWaitingLeads();
		addPoolGroup("Race room one");
		addPoolGroup("Race room two");
		TransactionTemplate template = new TransactionTemplate(transactions);
		CountDownLatch firstHoldsItsGroup = new CountDownLatch(1);
		CountDownLatch secondIsDone = new CountDownLatch(1);
		CompletableFuture<Optional<Long>> first = CompletableFuture.supplyAsync(() -> template.execute(status -> {
			Optional<Long> taken = pool.takeFor("RACE_TEST", 1);
			firstHoldsItsGroup.countDown();
			try {
				secondIsDone.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return taken;
		}));
		try {
			assertThat(firstHoldsItsGroup.await(20, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			Optional<Long> second = template.execute(status -> pool.takeFor("RACE_TEST", 2));
			long tookMs = (System.nanoTime() - started) / 1_000_000;
			secondIsDone.countDown();
			Optional<Long> firstGroup = first.get(30, TimeUnit.SECONDS);

			assertThat(firstGroup).isPresent();
			assertThat(second).as("a free group was there for the second holder").isPresent();
			assertThat(second.get()).isNotEqualTo(firstGroup.get());
			assertThat(tookMs).as("the second did not wait for the first's transaction").isLessThan(5_000);
			assertThat(pool.holderOf(firstGroup.get())).contains(new GroupPool.Holder("RACE_TEST", 1));
			assertThat(pool.holderOf(second.get())).contains(new GroupPool.Holder("RACE_TEST", 2));
		}
		finally {
			secondIsDone.countDown();
			for (long holder : new long[] { 1, 2 }) {
				pool.groupOf("RACE_TEST", holder).ifPresent(chat -> template.execute(status -> pool.release(chat)));
			}
		}
	}
}
