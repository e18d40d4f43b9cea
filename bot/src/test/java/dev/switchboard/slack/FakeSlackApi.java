package dev.switchboard.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Slack's Web API (the SDK's methods endpoint prefix points here) and for
 * {@code response_url}s, on 127.0.0.1. Answers what the bot calls, records every call, and can be
 * told to fail a method: with a status and headers (429 + Retry-After, 500), by answering late
 * (a timeout), or always.
 */
final class FakeSlackApi {

	static final String TEAM = "T0TEST";

	static final String BOT_USER = "U0BOT";

	/** One request the bot made. */
	record Call(String method, Map<String, String> params, String body, Instant at, String ts) {

		String param(String name) {
			return params.get(name);
		}

		/** Every text in the message (Block Kit or response_url JSON), unescaped from JSON, one per line. */
		String text() {
			StringBuilder out = new StringBuilder();
			if (params.get("text") != null) {
				out.append(params.get("text")).append('\n');
			}
			if (params.get("blocks") != null) {
				collect(JsonParser.parseString(params.get("blocks")), out);
			}
			if (method.equals("response_url") && body.startsWith("{")) {
				collect(JsonParser.parseString(body), out);
			}
			return out.toString();
		}

		/** The block types in order ({@code header}, {@code section}, {@code actions}, {@code context}). */
		List<String> blockTypes() {
			String blocks = params.get("blocks");
			JsonArray array = blocks != null ? JsonParser.parseString(blocks).getAsJsonArray()
					: body.startsWith("{") && JsonParser.parseString(body).getAsJsonObject().has("blocks")
							? JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("blocks") : new JsonArray();
			List<String> types = new ArrayList<>();
			array.forEach(b -> types.add(b.getAsJsonObject().get("type").getAsString()));
			return types;
		}

		JsonObject json() {
			return JsonParser.parseString(body).getAsJsonObject();
		}

		private static void collect(JsonElement element, StringBuilder out) {
			if (element.isJsonArray()) {
				element.getAsJsonArray().forEach(e -> collect(e, out));
			}
			else if (element.isJsonObject()) {
				for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
					if (e.getKey().equals("text") && e.getValue().isJsonPrimitive()) {
						out.append(e.getValue().getAsString()).append('\n');
					}
					else {
						collect(e.getValue(), out);
					}
				}
			}
		}
	}

	/** A scripted answer instead of the normal one. */
	record Failure(int status, Map<String, String> headers, String body, long delayMillis) {
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Failure>> next = new ConcurrentHashMap<>();

	private final Map<String, Failure> always = new ConcurrentHashMap<>();

	private final AtomicInteger channels = new AtomicInteger();

	private final AtomicInteger stamps = new AtomicInteger();

	private final Gson gson = new Gson();

	/** What {@code apps.connections.open} answers (a Socket Mode endpoint); null: the method fails. */
	private volatile String socketModeUrl;

	/** The tokens {@code apps.connections.open} was called with; kept across {@link #reset}. */
	private final List<String> socketModeTokens = new CopyOnWriteArrayList<>();

	private FakeSlackApi(HttpServer server) {
		this.server = server;
	}

	static FakeSlackApi start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeSlackApi fake = new FakeSlackApi(server);
			server.createContext("/", fake::handle);
			server.setExecutor(Executors.newCachedThreadPool(r -> {
				Thread t = new Thread(r, "fake-slack");
				t.setDaemon(true);
				return t;
			}));
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String methodsUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
	}

	String responseUrl(String name) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
	}

	/** Where {@code apps.connections.open} sends Socket Mode clients; kept across {@link #reset}. */
	void socketModeUrl(String url) {
		this.socketModeUrl = url;
	}

	List<String> socketModeTokens() {
		return List.copyOf(socketModeTokens);
	}

	void reset() {
		calls.clear();
		next.clear();
		always.clear();
	}

	/** The next call of {@code method} gets {@code failure} (queued: call several times for several). */
	void failNext(String method, Failure failure) {
		next.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
	}

	void failAlways(String method, Failure failure) {
		always.put(method, failure);
	}

	static Failure status(int status, Map<String, String> headers) {
		return new Failure(status, headers, "{\"ok\":false,\"error\":\"http_" + status + "\"}", 0);
	}

	static Failure late(long millis) {
		return new Failure(0, Map.of(), null, millis);
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	List<Call> calls(String method) {
		return calls.stream().filter(c -> c.method().equals(method)).toList();
	}

	List<Call> calls(String method, Predicate<Call> filter) {
		return calls(method).stream().filter(filter).toList();
	}

	/** A mark to look at the calls made after it with {@link #since}. */
	int mark() {
		return calls.size();
	}

	List<Call> since(int mark) {
		List<Call> all = List.copyOf(calls);
		return all.subList(Math.min(mark, all.size()), all.size()).stream().filter(c -> !c.method().equals("auth.test")).toList();
	}

	List<Call> since(int mark, String method) {
		return since(mark).stream().filter(c -> c.method().equals(method)).toList();
	}

	List<Call> since(int mark, String method, Predicate<Call> filter) {
		return since(mark, method).stream().filter(filter).toList();
	}

	/** Every call but auth.test, which the Bolt app makes once at start. */
	List<Call> callsButAuth() {
		return calls.stream().filter(c -> !c.method().equals("auth.test")).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		String method = path.startsWith("/api/") ? path.substring(5) : "response_url";
		Map<String, String> params = path.startsWith("/api/") ? new LinkedHashMap<>(form(body)) : Map.of("path", path);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && path.startsWith("/api/")) {
			params.put("token", authorization.replaceFirst("^Bearer ", ""));
		}
		Instant at = Instant.now();
		Failure failure = failure(method);
		if (failure != null) {
			// recorded when received: a late answer is usually given up on before it is sent
			calls.add(new Call(method, params, body, at, null));
			if (failure.delayMillis() > 0) {
				sleep(failure.delayMillis());
			}
			if (failure.status() > 0) {
				failure.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
				send(exchange, failure.status(), failure.body() == null ? "" : failure.body());
				return;
			}
		}
		if (method.equals("response_url")) {
			calls.add(new Call(method, params, body, at, null));
			send(exchange, 200, "ok");
			return;
		}
		JsonObject answer = answer(method, params);
		if (failure == null) {
			calls.add(new Call(method, params, body, at, answer.has("ts") ? answer.get("ts").getAsString() : null));
		}
		send(exchange, 200, gson.toJson(answer));
	}

	private Failure failure(String method) {
		Deque<Failure> queued = next.get(method);
		if (queued != null) {
			synchronized (queued) {
				Failure f = queued.poll();
				if (f != null) {
					return f;
				}
			}
		}
		return always.get(method);
	}

	private JsonObject answer(String method, Map<String, String> params) {
		JsonObject out = new JsonObject();
		out.addProperty("ok", true);
		switch (method) {
			case "auth.test" -> {
				out.addProperty("url", "https://test.slack.com/");
				out.addProperty("team", "Test");
				out.addProperty("user", "switchboard");
				out.addProperty("team_id", TEAM);
				out.addProperty("user_id", BOT_USER);
				out.addProperty("bot_id", "B0BOT");
			}
			case "conversations.create" -> {
				JsonObject channel = new JsonObject();
				channel.addProperty("id", String.format("C%07d", channels.incrementAndGet()));
				channel.addProperty("name", params.get("name"));
				out.add("channel", channel);
			}
			case "conversations.invite" -> {
				JsonObject channel = new JsonObject();
				channel.addProperty("id", params.get("channel"));
				out.add("channel", channel);
			}
			case "chat.postMessage", "chat.update" -> {
				String ts = method.equals("chat.update") ? params.get("ts") : stamp();
				out.addProperty("channel", params.get("channel"));
				out.addProperty("ts", ts);
				JsonObject message = new JsonObject();
				message.addProperty("ts", ts);
				message.addProperty("text", params.get("text"));
				out.add("message", message);
			}
			case "chat.postEphemeral" -> out.addProperty("message_ts", stamp());
			case "apps.connections.open" -> {
				socketModeTokens.add(String.valueOf(params.get("token")));
				if (socketModeUrl == null) {
					out.addProperty("ok", false);
					out.addProperty("error", "not_allowed_token_type");
				}
				else {
					out.addProperty("url", socketModeUrl);
				}
			}
			default -> {
				// pins.add and anything else: {"ok":true}
			}
		}
		return out;
	}

	private String stamp() {
		return "1700000000." + String.format("%06d", stamps.incrementAndGet());
	}

	private static Map<String, String> form(String body) {
		Map<String, String> params = new LinkedHashMap<>();
		if (body.isEmpty()) {
			return params;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(key, value);
		}
		return params;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	List<String> methods() {
		List<String> out = new ArrayList<>();
		calls.forEach(c -> out.add(c.method()));
		return out;
	}
}
