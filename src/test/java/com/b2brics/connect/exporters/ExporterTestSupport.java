package com.b2brics.connect.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SandboxClient;
import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/** What the exporter tests share: registering through the sandbox, the managers, reading what is stored. */
abstract class ExporterTestSupport extends EndToEndTest {

	/** The managers of the shared test context (b2brics.exporters.managers). */
	static final long MANAGER_ONE = 6399000002L;
	static final long MANAGER_TWO = 6399000003L;
	static final String SHARE = "📱 Share my contact";

	/** A person the bot knows and can reach, with a fixed id (the managers). */
	SimulatedUser person(long id, String name) {
		try {
			sandbox.post("/sandbox/api/users", Map.of("id", id, "first_name", name, "language_code", "en"));
			sandbox.user(id).startBot();
		}
		catch (SandboxClient.SandboxException alreadyThere) {
			// an earlier test created them
		}
		return sandbox.user(id);
	}

	void managersReachable() {
		person(MANAGER_ONE, "Manager");
		person(MANAGER_TWO, "Managera");
	}

	/** A new person who pressed Start (and got the greeting). */
	SimulatedUser newPerson(String name) {
		SimulatedUser user = sandbox.newUser(name, "en");
		user.startBot();
		user.sees(user.botChat(), "Hello, " + name);
		return user;
	}

	/** Leads or exporters left waiting by earlier tests are served, and a free group is there for the next one. */
	void aFreeGroup(String title) {
		serveWaitingLeads();
		for (int i = 0; i < waitingExporters(); i++) {
			addPoolGroup("Room for an earlier exporter " + i);
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> waitingExporters() == 0);
		if (pool.freeGroups() == 0) {
			addPoolGroup(title);
		}
	}

	long waitingExporters() {
		return jdbc.sql("SELECT COUNT(*) FROM exporters WHERE state = 'REGISTERED' AND group_chat_id IS NULL")
			.query(Long.class).single();
	}

	/** /register, company, the storefront button, own contact: what an exporter does. */
	void registers(SimulatedUser user, String company, String storefront) {
		user.writeToBot("/register");
		user.sees(user.botChat(), "Step 1: what is your company's name?");
		user.writeToBot(company);
		SeenMessage ask = user.sees(user.botChat(), "Step 2: " + company);
		assertThat(ask.buttons()).contains("Russia", "Brazil", "Egypt", "India", "China", "Cancel");
		user.press(user.botChat(), storefront);
		user.sees(user.botChat(), "Last step: press " + SHARE);
		assertThat(user.press(user.botChat(), SHARE).result()).isEqualTo("contact_shared");
		user.sees(user.botChat(), "Welcome to B2BRICS, " + company);
	}

	Optional<Map<String, Object>> row(SimulatedUser user) {
		return jdbc.sql("SELECT * FROM exporters WHERE telegram_user_id = :id").param("id", user.id()).query().listOfRows()
			.stream().findFirst();
	}

	/** The bot's messages in the person's chat with it, in order. */
	static List<String> botSaid(SimulatedUser user) {
		return user.messages(user.botChat()).stream().filter(m -> m.fromId() != user.id()).map(SeenMessage::text).toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> replyButtons(SimulatedUser user) {
		Map<String, Object> keyboard = user.replyKeyboard(user.botChat());
		if (keyboard == null) {
			return List.of();
		}
		List<Map<String, Object>> buttons = new ArrayList<>();
		((List<List<Map<String, Object>>>) keyboard.get("keyboard")).forEach(buttons::addAll);
		return buttons;
	}

	/** Telegram lets a bot post 20 messages a minute into a group, so a message there may wait in the queue. */
	static SeenMessage seesInGroup(SimulatedUser user, long group, String fragment) {
		return await("user " + user.id() + " sees \"" + fragment + "\" in group " + group).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> newest(user.messages(group), fragment), Optional::isPresent)
			.orElseThrow();
	}

	static Optional<SeenMessage> newest(List<SeenMessage> messages, String fragment) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			SeenMessage m = messages.get(i);
			if ((m.text() != null && m.text().contains(fragment)) || (m.service() != null && m.service().contains(fragment))) {
				return Optional.of(m);
			}
		}
		return Optional.empty();
	}

	/** Each manager's count and the order of their last assignment, as stored. */
	Map<Long, long[]> state() {
		Map<Long, long[]> state = new TreeMap<>();
		for (long id : List.of(MANAGER_ONE, MANAGER_TWO)) {
			state.put(id, new long[] { 0, 0 });
		}
		jdbc.sql("SELECT * FROM exporter_managers").query().listOfRows().forEach(row -> {
			long id = number(row, "telegram_user_id");
			if (state.containsKey(id)) {
				state.put(id, new long[] { number(row, "assigned_count"), number(row, "last_assigned_seq") });
			}
		});
		return state;
	}

	static long pick(Map<Long, long[]> state) {
		return state.entrySet().stream()
			.min(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> e.getValue()[0]).thenComparingLong(e -> e.getValue()[1])
				.thenComparingLong(Map.Entry::getKey))
			.orElseThrow().getKey();
	}

	/** What assigning one after another would do to the counts. */
	static Map<Long, Long> afterSequential(Map<Long, long[]> state, int assignments) {
		long seq = state.values().stream().mapToLong(v -> v[1]).max().orElse(0);
		for (int i = 0; i < assignments; i++) {
			long next = pick(state);
			state.put(next, new long[] { state.get(next)[0] + 1, ++seq });
		}
		Map<Long, Long> counts = new TreeMap<>();
		state.forEach((id, v) -> counts.put(id, v[0]));
		return counts;
	}

	Map<Long, Long> counts() {
		Map<Long, Long> counts = new TreeMap<>();
		state().forEach((id, v) -> counts.put(id, v[0]));
		return counts;
	}

	static long number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}
}
