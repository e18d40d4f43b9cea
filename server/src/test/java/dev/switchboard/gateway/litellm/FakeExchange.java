package dev.switchboard.gateway.litellm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One request to the fake, with LiteLLM's two error envelopes. */
final class FakeExchange {

	private final HttpExchange exchange;

	private final int replica;

	private JsonNode body;

	FakeExchange(HttpExchange exchange, int replica) {
		this.exchange = exchange;
		this.replica = replica;
	}

	int replica() {
		return replica;
	}

	String method() {
		return exchange.getRequestMethod();
	}

	String path() {
		return exchange.getRequestURI().getPath();
	}

	String query(String name) {
		String query = exchange.getRequestURI().getQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	String header(String name) {
		return exchange.getRequestHeaders().getFirst(name);
	}

	void header(String name, String value) {
		exchange.getResponseHeaders().set(name, value);
	}

	JsonNode body() throws IOException {
		if (body == null) {
			String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			try {
				body = text.isBlank() ? JsonNodeFactory.instance.objectNode() : tools.jackson.databind.json.JsonMapper.shared().readTree(text);
			}
			catch (JacksonException ex) {
				body = JsonNodeFactory.instance.objectNode();
			}
		}
		return body;
	}

	void json(int status, Object value) throws IOException {
		byte[] bytes = tools.jackson.databind.json.JsonMapper.shared().writeValueAsBytes(value);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** ProxyException: {@code {"error":{"message","type","param","code"}}}, status repeated in {@code code}. */
	void proxyError(int status, String message, String type, String param) throws IOException {
		ObjectNode error = JsonNodeFactory.instance.objectNode();
		error.putObject("error")
			.put("message", message)
			.put("type", type)
			.put("param", param)
			.put("code", String.valueOf(status));
		json(status, error);
	}

	/** FastAPI HTTPException: {@code {"detail": …}} (a string, or LiteLLM's {@code {"error": …}}). */
	void detail(int status, Object detail) throws IOException {
		json(status, Map.of("detail", detail));
	}

	void detailError(int status, String error) throws IOException {
		detail(status, Map.of("error", error));
	}
}
