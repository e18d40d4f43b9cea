package dev.switchboard.slack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode endpoint on 127.0.0.1 ({@link FakeSlackApi} hands its
 * {@code ws://} URL out from {@code apps.connections.open}). Greets a client with {@code hello} as
 * Slack does, delivers envelopes to the connected client, and records every frame the client sends
 * back (its acks) with the time it arrived.
 */
final class FakeSlackSocket {

	/** A frame the client sent: the envelope id it acknowledges, its payload (if any), when it arrived. */
	record Ack(String envelopeId, JsonObject payload, long receivedNanos) {
	}

	private final List<WebSocket> clients = new CopyOnWriteArrayList<>();

	private final List<String> handshakePaths = new CopyOnWriteArrayList<>();

	private final Map<String, List<Ack>> acks = new ConcurrentHashMap<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final Server server = new Server();

	private FakeSlackSocket() {
	}

	static FakeSlackSocket start() {
		FakeSlackSocket fake = new FakeSlackSocket();
		fake.server.setReuseAddr(true);
		fake.server.setDaemon(true);
		fake.server.start();
		try {
			if (!fake.started.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the fake Socket Mode server did not start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return fake;
	}

	/** The URL {@code apps.connections.open} answers with, in Slack's shape ({@code wss://wss-primary.slack.com/link/?ticket=…}). */
	String url() {
		return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=fake-ticket&app_id=A0SWITCH";
	}

	/** Open connections from the bot. */
	int connections() {
		return (int) clients.stream().filter(WebSocket::isOpen).count();
	}

	List<String> handshakePaths() {
		return List.copyOf(handshakePaths);
	}

	/** Delivers {@code envelope} to every open connection (Slack picks one; here there is one); returns when it was sent. */
	long deliver(JsonObject envelope) {
		long sent = System.nanoTime();
		clients.stream().filter(WebSocket::isOpen).forEach(c -> c.send(envelope.toString()));
		return sent;
	}

	List<Ack> acks(String envelopeId) {
		return List.copyOf(acks.getOrDefault(envelopeId, List.of()));
	}

	void stop() {
		try {
			server.stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A slash command as Socket Mode delivers it: the command's fields as a JSON object. */
	static JsonObject slashCommand(String envelopeId, Map<String, String> fields) {
		JsonObject payload = new JsonObject();
		fields.forEach(payload::addProperty);
		return envelope(envelopeId, "slash_commands", payload, true);
	}

	/** An interactivity payload ({@code block_actions} …) as Socket Mode delivers it. */
	static JsonObject interactive(String envelopeId, JsonObject payload) {
		return envelope(envelopeId, "interactive", payload, false);
	}

	/** The same envelope as Slack redelivers it when no ack came in time. */
	static JsonObject redelivered(JsonObject envelope, int attempt) {
		JsonObject copy = envelope.deepCopy();
		copy.addProperty("retry_attempt", attempt);
		copy.addProperty("retry_reason", "timeout");
		return copy;
	}

	private static JsonObject envelope(String envelopeId, String type, JsonObject payload, boolean acceptsResponsePayload) {
		JsonObject envelope = new JsonObject();
		envelope.addProperty("envelope_id", envelopeId);
		envelope.addProperty("type", type);
		envelope.add("payload", payload);
		envelope.addProperty("accepts_response_payload", acceptsResponsePayload);
		return envelope;
	}

	private final class Server extends WebSocketServer {

		Server() {
			super(new InetSocketAddress("127.0.0.1", 0));
		}

		@Override
		public void onStart() {
			started.countDown();
		}

		@Override
		public void onOpen(WebSocket conn, ClientHandshake handshake) {
			clients.add(conn);
			handshakePaths.add(handshake.getResourceDescriptor());
			conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake-slack\",\"approximate_connection_time\":18060},"
					+ "\"connection_info\":{\"app_id\":\"A0SWITCH\"}}");
		}

		@Override
		public void onClose(WebSocket conn, int code, String reason, boolean remote) {
			clients.remove(conn);
		}

		@Override
		public void onMessage(WebSocket conn, String message) {
			long at = System.nanoTime();
			JsonElement json = JsonParser.parseString(message);
			if (!json.isJsonObject() || !json.getAsJsonObject().has("envelope_id")) {
				return;
			}
			JsonObject frame = json.getAsJsonObject();
			JsonObject payload = frame.has("payload") && frame.get("payload").isJsonObject() ? frame.getAsJsonObject("payload") : null;
			String id = frame.get("envelope_id").getAsString();
			acks.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(new Ack(id, payload, at));
		}

		@Override
		public void onError(WebSocket conn, Exception ex) {
			if (conn == null) {
				started.countDown(); // failed to bind: start() reports the missing port
			}
		}
	}
}
