package com.b2brics.connect.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A round-robin load balancer in front of several app instances, as in production: Telegram
 * has one webhook URL per bot, and each delivery lands on whichever instance is next. A target
 * that is down is skipped.
 */
public final class LoadBalancer implements AutoCloseable {

	private final HttpServer server;
	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();
	private final List<Integer> targets = new CopyOnWriteArrayList<>();
	private final AtomicInteger next = new AtomicInteger();
	private final java.util.Map<String, byte[]> localAnswers = new java.util.concurrent.ConcurrentHashMap<>();

	public LoadBalancer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.createContext("/", this::forward);
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public void add(int targetPort) {
		targets.add(targetPort);
	}

	public void remove(int targetPort) {
		targets.remove(Integer.valueOf(targetPort));
	}

	/**
	 * Answers requests whose path ends with {@code pathEnd} itself (status 200, this JSON), without
	 * passing them on: e.g. a second instance's setMyCommands kept from a sandbox the shared app uses.
	 */
	public void answerLocally(String pathEnd, String json) {
		localAnswers.put(pathEnd, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private void forward(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		int status = 502;
		byte[] answer = "no instance".getBytes();
		String path = exchange.getRequestURI().getPath();
		for (var local : localAnswers.entrySet()) {
			if (path.endsWith(local.getKey())) {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, local.getValue().length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(local.getValue());
				}
				return;
			}
		}
		for (int tries = 0; tries < targets.size(); tries++) {
			int target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + exchange.getRequestURI()))
				.timeout(Duration.ofSeconds(30))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!List.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade", "date", "via",
						"warning").contains(name.toLowerCase())) {
					values.forEach(value -> request.header(name, value));
				}
			});
			try {
				HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				status = response.statusCode();
				answer = response.body();
				break;
			}
			catch (IOException e) {
				// that instance is down: try the next one
			}
			catch (RuntimeException e) {
				System.err.println("load balancer: " + e);
				break;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
