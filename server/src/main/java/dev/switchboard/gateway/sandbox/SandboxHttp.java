package dev.switchboard.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of the sandbox's HTTP exchanges, errors in LiteLLM's {@code {"error":{…}}} envelope. */
final class SandboxHttp {

	static final JsonMapper JSON = JsonMapper.shared();

	private SandboxHttp() {
	}

	static <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return JSON.readValue(in.readAllBytes(), type);
		}
	}

	static void json(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static void error(HttpExchange exchange, int status, String type, String message, Map<String, String> headers)
			throws IOException {
		json(exchange, status, Map.of("error", Map.of("message", message, "type", type, "param", "", "code",
				String.valueOf(status))), headers);
	}
}
