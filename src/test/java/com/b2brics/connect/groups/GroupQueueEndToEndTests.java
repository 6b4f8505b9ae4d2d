package com.b2brics.connect.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The pool's one queue: holders of different kinds wait in one line and are served first come,
 * first served when a group comes back; the admins hear of the shortage once.
 */
class GroupQueueEndToEndTests extends EndToEndTest {

	static final String ROOM = "QUEUE_ROOM";
	static final String DESK = "QUEUE_DESK";

	@Autowired
	List<QueueTestHolders> holders;

	private QueueTestHolders holder(String kind) {
		return holders.stream().filter(h -> h.kind().equals(kind)).findFirst().orElseThrow();
	}

	private long waitingRequests() {
		return jdbc.sql("SELECT COUNT(*) FROM group_requests").query(Long.class).single();
	}

	/** Earlier tests may have left holders of any kind waiting: a group for each, so the queue is empty. */
	private void serveEveryWaitingRequest() {
		serveWaitingLeads();
		for (long i = waitingRequests(); i > 0; i--) {
			addPoolGroup("Room for an earlier holder " + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> waitingRequests() == 0);
	}

	private static boolean isShortageAlert(SeenMessage message) {
		return message.text() != null
				&& (message.text().contains("The pool of working groups is empty") || message.text().contains("Пул рабочих групп пуст"));
	}

	private static List<SeenMessage> shortageAlerts(SimulatedUser admin) {
		return admin.messages(admin.botChat()).stream().filter(GroupQueueEndToEndTests::isShortageAlert).toList();
	}

	@Test
	void twoKindsWaitingForOneReleasedGroupAreServedInTheOrderTheyAskedAndTheAdminsAreAlertedOnce() {
		serveEveryWaitingRequest();
		emptyThePool();
		long group = addPoolGroup("Queue room");
		long id = System.nanoTime();
		GroupPool.Holder holding = new GroupPool.Holder(ROOM, id);
		GroupPool.Holder first = new GroupPool.Holder(DESK, id + 1);
		GroupPool.Holder second = new GroupPool.Holder(ROOM, id + 2);

		assertThat(pool.request(holding)).contains(group);
		assertThat(holder(ROOM).assigned).contains(new WorkingGroupAssigned(ROOM, id, group));
		SimulatedUser admin = platformAdmin();
		int alertsBefore = shortageAlerts(admin).size();

		// a desk asks first, then a room: both wait, and the admins get one alert naming both, the desk first
		assertThat(pool.request(first)).isEmpty();
		assertThat(pool.request(second)).isEmpty();
		assertThat(pool.request(first)).as("asking again keeps its place").isEmpty();
		String deskLine = "queue desk " + (id + 1);
		String roomLine = "queue room " + (id + 2);
		SeenMessage alert = await().atMost(Duration.ofSeconds(30)).until(
				() -> shortageAlerts(admin).stream().filter(m -> m.text().contains(roomLine)).findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(alert.text()).contains(deskLine);
		assertThat(alert.text().indexOf(deskLine)).isLessThan(alert.text().indexOf(roomLine));
		assertThat(shortageAlerts(admin)).hasSize(alertsBefore + 1);

		// the group comes back: the desk, which asked first, gets it, whatever its kind
		assertThat(pool.release(group)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> pool.groupOf(DESK, id + 1).isPresent());
		assertThat(pool.groupOf(DESK, id + 1)).contains(group);
		assertThat(holder(DESK).assigned).containsOnlyOnce(new WorkingGroupAssigned(DESK, id + 1, group));
		assertThat(pool.groupOf(ROOM, id + 2)).isEmpty();

		// the next group goes to the room
		long next = addPoolGroup("Next queue room");
		await().atMost(Duration.ofSeconds(30)).until(() -> pool.groupOf(ROOM, id + 2).isPresent());
		assertThat(pool.groupOf(ROOM, id + 2)).contains(next);
		assertThat(waitingRequests()).isZero();
		assertThat(shortageAlerts(admin)).hasSize(alertsBefore + 1);

		pool.release(group);
		pool.release(next);
	}

	@Test
	void holdersAskingAtTheSameMomentNeverShareAGroupAndNoneWaitsBesideAFreeOne() throws Exception {
		serveEveryWaitingRequest();
		emptyThePool();
		long one = addPoolGroup("Race room 1");
		long two = addPoolGroup("Race room 2");
		long id = System.nanoTime();
		List<GroupPool.Holder> asking = List.of(new GroupPool.Holder(ROOM, id), new GroupPool.Holder(DESK, id),
				new GroupPool.Holder(ROOM, id + 1));
		ExecutorService threads = Executors.newFixedThreadPool(asking.size());
		List<Optional<Long>> got;
		try {
			CyclicBarrier together = new CyclicBarrier(asking.size());
			List<Future<Optional<Long>>> answers = new ArrayList<>();
			for (GroupPool.Holder holder : asking) {
				answers.add(threads.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					return pool.request(holder);
				}));
			}
			got = new ArrayList<>();
			for (Future<Optional<Long>> answer : answers) {
				got.add(answer.get(30, TimeUnit.SECONDS));
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(got.stream().flatMap(Optional::stream).toList()).containsExactlyInAnyOrder(one, two);
		assertThat(pool.freeGroups()).isZero();
		assertThat(waitingRequests()).isEqualTo(1);

		GroupPool.Holder waiting = asking.get(got.indexOf(Optional.<Long>empty()));
		pool.cancel(waiting);
		pool.release(one);
		pool.release(two);
	}

	@Test
	void aHolderThatNoLongerWaitsIsNotServed() {
		serveEveryWaitingRequest();
		emptyThePool();
		GroupPool.Holder gone = new GroupPool.Holder(DESK, System.nanoTime());
		assertThat(pool.request(gone)).isEmpty();
		pool.cancel(gone);
		assertThat(waitingRequests()).isZero();
		long group = addPoolGroup("Room nobody waits for");
		assertThat(pool.status(group)).contains("FREE");
		assertThat(pool.groupOf(DESK, gone.id())).isEmpty();
	}
}
