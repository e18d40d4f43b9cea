package dev.switchboard.gateway.scg;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A pass-through in front of the real gateway (admin and traffic alike) that can misbehave the
 * ways a network and a fleet do: drop every connection (gateway down), hold actuator calls
 * (slow), or answer the refresh itself so it never reaches this gateway instance (as when it
 * reaches another one) or fails. Records the Authorization headers actuator calls carried.
 */
final class ScgFaults implements AutoCloseable {

	private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
			"transfer-encoding", "keep-alive");

	final List<String> adminAuthorizations = new CopyOnWriteArrayList<>();

	volatile boolean down;

	volatile Duration adminDelay = Duration.ZERO;

	/** 0: refreshes reach the gateway; otherwise they are answered with this status and go nowhere. */
	volatile int refreshAnsweredWith;

	private final URI target;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "scg-faults");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	ScgFaults(URI target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	void calm() {
		down = false;
		adminDelay = Duration.ZERO;
		refreshAnsweredWith = 0;
		adminAuthorizations.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (down) {
				return; // closed without a response: the client sees the connection drop
			}
			String path = exchange.getRequestURI().getRawPath();
			if (path.startsWith("/actuator")) {
				String authorization = exchange.getRequestHeaders().getFirst("Authorization");
				adminAuthorizations.add(authorization == null ? "" : authorization);
				sleep(adminDelay);
			}
			if (path.equals("/actuator/gateway/refresh") && refreshAnsweredWith != 0) {
				exchange.sendResponseHeaders(refreshAnsweredWith, -1);
				return;
			}
			forward(exchange);
		}
	}

	private void forward(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
			.timeout(Duration.ofSeconds(30))
			.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		HttpResponse<byte[]> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		response.headers().map().forEach((name, values) -> {
			if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				exchange.getResponseHeaders().put(name, values);
			}
		});
		byte[] bytes = response.body();
		exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static void sleep(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
