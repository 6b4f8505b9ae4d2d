package com.b2brics.connect.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: many callers, few writes; each caller released only after its own batch was written, with its own result. */
class GroupCommitTest {

	private final ExecutorService callers = Executors.newFixedThreadPool(32);
	private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
	private GroupCommit<Integer, Integer> commits;

	@AfterEach
	void stop() {
		callers.shutdownNow();
		if (commits != null) {
			commits.stop();
		}
	}

	@Test
	void concurrentCallersShareBatchesAndEachGetsItsOwnResultAfterItsBatchWasWritten() throws Exception {
		CountDownLatch firstWriteHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		commits = new GroupCommit<>("test", 1, 100, 1000, false, batch -> {
			if (written.isEmpty()) {
				firstWriteHeld.countDown();
				await(release);
			}
			written.add(batch);
			return batch.stream().map(i -> i * 10).toList();
		});
		commits.start();
		Future<Integer> first = callers.submit(() -> commits.submit(0, 5000));
		assertThat(firstWriteHeld.await(5, TimeUnit.SECONDS)).isTrue();
		List<Future<Integer>> rest = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			int item = i;
			rest.add(callers.submit(() -> commits.submit(item, 5000)));
		}
		Thread.sleep(200); // the 30 queue up behind the write in progress; none may be released before its own write
		assertThat(first.isDone()).isFalse();
		assertThat(rest).noneMatch(Future::isDone);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
		for (int i = 0; i < rest.size(); i++) {
			assertThat(rest.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
		}
		assertThat(written.stream().mapToInt(List::size).sum()).isEqualTo(31);
		assertThat(written.size()).as("30 items queued during one write go in one or two batches").isLessThanOrEqualTo(3);
	}

	@Test
	void aFailedBatchFailsItsCallers() throws Exception {
		commits = new GroupCommit<>("test", 1, 100, 1000, false, batch -> {
			throw new IllegalStateException("database down");
		});
		commits.start();
		assertThatThrownBy(() -> commits.submit(1, 5000)).isInstanceOf(GroupCommit.WriteFailed.class)
			.hasRootCauseMessage("database down");
	}

	@Test
	void withIsolatedFailuresOneBadItemFailsOnlyItsOwnCaller() throws Exception {
		CountDownLatch firstWriteHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		commits = new GroupCommit<>("test", 1, 100, 1000, true, batch -> {
			if (written.isEmpty()) {
				written.add(batch);
				firstWriteHeld.countDown();
				await(release);
				return batch;
			}
			if (batch.contains(13)) {
				throw new IllegalStateException("13 violates a constraint");
			}
			written.add(batch);
			return batch;
		});
		commits.start();
		callers.submit(() -> commits.submit(0, 5000));
		assertThat(firstWriteHeld.await(5, TimeUnit.SECONDS)).isTrue();
		List<Future<Integer>> batched = new ArrayList<>();
		for (int i = 10; i < 20; i++) {
			int item = i;
			batched.add(callers.submit(() -> commits.submit(item, 5000)));
		}
		Thread.sleep(200);
		release.countDown();
		for (int i = 0; i < batched.size(); i++) {
			int item = 10 + i;
			if (item == 13) {
				assertThatThrownBy(() -> batched.get(3).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(GroupCommit.WriteFailed.class);
			}
			else {
				assertThat(batched.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(item);
			}
		}
		assertThat(written.stream().flatMap(List::stream)).doesNotContain(13).hasSize(10);
	}

	@Test
	void aStoppedGroupCommitTakesNothingAndFinishesWhatWasQueued() throws Exception {
		commits = new GroupCommit<>("test", 2, 10, 1000, false, batch -> {
			written.add(batch);
			return batch;
		});
		commits.start();
		assertThat(commits.submit(7, 5000)).isEqualTo(7);
		commits.stop();
		assertThat(commits.isRunning()).isFalse();
		assertThatThrownBy(() -> commits.submit(8, 5000)).isInstanceOf(TimeoutException.class);
		assertThat(written.stream().flatMap(List::stream)).containsExactly(7);
	}

	@Test
	void aCallerWhoseWriteDoesNotFinishInTimeIsToldSo() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		commits = new GroupCommit<>("test", 1, 10, 1000, false, batch -> {
			await(release);
			return batch;
		});
		commits.start();
		try {
			assertThatThrownBy(() -> commits.submit(1, 200)).isInstanceOf(TimeoutException.class);
		}
		finally {
			release.countDown();
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
