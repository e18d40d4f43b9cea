package dev.switchboard.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** java.net.http against a test server on 127.0.0.1: real HTTP, as clients send it. */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String code() {
			return contentType.startsWith("application/problem+json") ? json().path("code").asString() : null;
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}
	}

	public Reply get(String path, String token) {
		return send(builder(path, token).GET());
	}

	public Reply post(String path, String token, String json, String... headers) {
		HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	/** A POST without Content-Length (chunked), as a client streaming its body sends it. */
	public Reply postChunked(String path, String token, byte[] body) {
		HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
		return send(b);
	}

	/** Raw path, sent as written (no re-encoding). */
	public Reply getRaw(String rawPath, String token) {
		return send(builder(rawPath, token).GET());
	}

	public static String json(Object... keysAndValues) {
		java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return JSON.writeValueAsString(map);
	}

	private HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
