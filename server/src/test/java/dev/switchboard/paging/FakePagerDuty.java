package dev.switchboard.paging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that follows PagerDuty's documented Events API v2 contract
 * ({@code POST /v2/enqueue}): 202 {@code {"status":"success","message":"Event processed","dedup_key":…}} for a
 * valid event; 400 {@code {"status":"invalid event","message":"Event object is invalid","errors":[…]}} for an
 * invalid one; and, when a test scripts them, 429 (throttled) or 500 before processing. One per test JVM.
 */
final class FakePagerDuty {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");

	private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

	private static FakePagerDuty shared;

	private final HttpServer server;

	private final Deque<Integer> scripted = new ArrayDeque<>();

	/** Events processed (answered 202). */
	private final List<JsonNode> accepted = new ArrayList<>();

	/** Every request received, with the status answered. */
	private final List<String> received = new ArrayList<>();

	private final List<String> invalid = new ArrayList<>();

	private FakePagerDuty() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v2/enqueue", this::enqueue);
		server.start();
	}

	static synchronized FakePagerDuty shared() {
		if (shared == null) {
			try {
				shared = new FakePagerDuty();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return shared;
	}

	String eventsUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue";
	}

	synchronized void reset() {
		scripted.clear();
		accepted.clear();
		received.clear();
		invalid.clear();
	}

	/** The next requests are answered with these statuses, before the event is even read. */
	synchronized void failNext(Integer... statuses) {
		scripted.addAll(List.of(statuses));
	}

	synchronized List<JsonNode> accepted() {
		return List.copyOf(accepted);
	}

	synchronized List<JsonNode> accepted(String action) {
		return accepted.stream().filter(e -> action.equals(e.path("event_action").asString())).toList();
	}

	synchronized List<String> received() {
		return List.copyOf(received);
	}

	synchronized List<String> invalid() {
		return List.copyOf(invalid);
	}

	private void enqueue(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			synchronized (this) {
				if (!"POST".equals(exchange.getRequestMethod())) {
					answer(exchange, 405, "{}");
					return;
				}
				Integer fail = scripted.poll();
				if (fail != null) {
					received.add(fail + "");
					answer(exchange, fail, fail == 429 ? "{\"status\":\"throttle event\",\"message\":\"Requests for this service are arriving too quickly\"}" : "{}");
					return;
				}
				List<String> errors = new ArrayList<>();
				JsonNode event = null;
				try {
					event = JSON.readTree(body);
				}
				catch (RuntimeException ex) {
					errors.add("body is not JSON");
				}
				if (event != null) {
					errors.addAll(errors(event, exchange.getRequestHeaders().getFirst("Content-Type")));
				}
				if (!errors.isEmpty()) {
					received.add("400");
					invalid.add(new String(body, StandardCharsets.UTF_8) + " " + errors);
					answer(exchange, 400, JSON.writeValueAsString(java.util.Map.of("status", "invalid event", "message",
							"Event object is invalid", "errors", errors)));
					return;
				}
				received.add("202");
				accepted.add(event);
				answer(exchange, 202, JSON.writeValueAsString(java.util.Map.of("status", "success", "message",
						"Event processed", "dedup_key", event.path("dedup_key").asString())));
			}
		}
	}

	/** The documented rules of an Events API v2 event. */
	private static List<String> errors(JsonNode event, String contentType) {
		List<String> errors = new ArrayList<>();
		if (contentType == null || !contentType.startsWith("application/json")) {
			errors.add("Content-Type must be application/json");
		}
		String key = event.path("routing_key").asString("");
		if (key.length() != 32) {
			errors.add("'routing_key' must be a 32 character integration key");
		}
		String action = event.path("event_action").asString("");
		if (!ACTIONS.contains(action)) {
			errors.add("'event_action' is invalid");
		}
		String dedup = event.path("dedup_key").asString("");
		if (dedup.length() > 255) {
			errors.add("'dedup_key' is longer than 255 characters");
		}
		if (!action.equals("trigger") && dedup.isEmpty()) {
			errors.add("'dedup_key' is required for " + action);
		}
		if (action.equals("trigger")) {
			JsonNode payload = event.path("payload");
			String summary = payload.path("summary").asString("");
			if (summary.isEmpty() || summary.length() > 1024) {
				errors.add("'payload.summary' is missing or longer than 1024 characters");
			}
			if (payload.path("source").asString("").isEmpty()) {
				errors.add("'payload.source' is missing");
			}
			if (!SEVERITIES.contains(payload.path("severity").asString(""))) {
				errors.add("'payload.severity' must be critical, error, warning or info");
			}
		}
		return errors;
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
