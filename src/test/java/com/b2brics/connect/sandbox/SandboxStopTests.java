package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Stopping a standalone sandbox while a bot long-polls: the open getUpdates is answered as at its
 * timeout (nothing new), so the graceful shutdown does not wait out the poll's 20 s.
 */
class SandboxStopTests {

	@Test
	void anOpenLongPollIsAnsweredWhenTheSandboxStops() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		SandboxServer.Running sandbox = SandboxServer.start(Map.of("logging.level.root", "WARN"));
		CompletableFuture<HttpResponse<String>> poll;
		try {
			String api = sandbox.baseUrl() + "/bot" + sandbox.botToken() + "/getUpdates";
			poll = http.sendAsync(HttpRequest.newBuilder(URI.create(api + "?timeout=20")).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			// the poll waits: nothing to hand out
			Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> !poll.isDone());
		}
		finally {
			long stopping = System.nanoTime();
			sandbox.close();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the stop").isLessThan(Duration.ofSeconds(10));
		}
		HttpResponse<String> answer = poll.get();
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"ok\":true").contains("\"result\":[]");
	}
}
