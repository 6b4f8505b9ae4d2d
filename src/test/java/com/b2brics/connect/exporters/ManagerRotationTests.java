package com.b2brics.connect.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fair rotation of the two managers of the shared context: the next exporter always goes to the
 * one with the fewest, ties to the one assigned least recently; and two registrations in
 * concurrent transactions end exactly as if they had come one after the other, on H2 and on
 * PostgreSQL.
 */
class ManagerRotationTests extends ExporterTestSupport {

	@Autowired
	ManagerRotation rotation;

	@Autowired
	TransactionTemplate transactions;

	private long assign() {
		return transactions.execute(tx -> rotation.assign().orElseThrow());
	}

	@Test
	void theManagerWithTheFewestExportersGetsTheNextOneAndTiesGoToWhoWaitedLonger() {
		assertThat(rotation.managers()).containsExactly(MANAGER_ONE, MANAGER_TWO);
		List<Long> got = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long expected = pick(state());
			long assigned = assign();
			assertThat(assigned).as("assignment " + i).isEqualTo(expected);
			got.add(assigned);
		}
		Map<Long, Long> counts = counts();
		assertThat(Math.abs(counts.get(MANAGER_ONE) - counts.get(MANAGER_TWO))).isLessThanOrEqualTo(1);
		// once level, they alternate
		assertThat(got.get(4)).isNotEqualTo(got.get(5));
		assertThat(got.get(3)).isNotEqualTo(got.get(4));
	}

	@Test
	void twoRegistrationsAtTheSameInstantEndAsIfOneCameAfterTheOther() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				Map<Long, Long> before = counts();
				Map<Long, Long> expected = afterSequential(state(), 2);
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Long> first = threads.submit(() -> {
					together.await();
					return assign();
				});
				Future<Long> second = threads.submit(() -> {
					together.await();
					return assign();
				});
				long a = first.get();
				long b = second.get();
				assertThat(counts()).as("round " + round).isEqualTo(expected);
				// from level counts two at once go one to each
				if (before.get(MANAGER_ONE).equals(before.get(MANAGER_TWO))) {
					assertThat(a).as("round " + round).isNotEqualTo(b);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}
}
