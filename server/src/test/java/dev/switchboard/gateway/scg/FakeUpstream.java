package dev.switchboard.gateway.scg;

import dev.switchboard.gateway.JsonBodies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible upstream behind the gateway, enough for verify's probes: a chat completion
 * echoes the user's message and names this upstream in {@code x-served-by}; when down it answers
 * 503.
 */
final class FakeUpstream implements AutoCloseable {

	static final String SERVED_BY = "x-served-by";

	final String id;

	final AtomicInteger served = new AtomicInteger();

	volatile boolean down;

	private final HttpServer server;

	FakeUpstream(String id) throws IOException {
		this.id = id;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = JsonBodies.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.getResponseHeaders().set(SERVED_BY, id);
			if (down) {
				send(exchange, 503, Map.of("error", Map.of("message", id + " is down", "type", "server_error")));
				return;
			}
			served.incrementAndGet();
			String content = request.path("messages").path(0).path("content").asString("");
			send(exchange, 200, Map.of("id", "chatcmpl-" + id, "object", "chat.completion", "model",
					request.path("model").asString(""), "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
							"message", Map.of("role", "assistant", "content", content)))));
		}
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = ScgActuator.JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
