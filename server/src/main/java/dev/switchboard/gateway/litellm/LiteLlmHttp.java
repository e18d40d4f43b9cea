package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.JsonBodies;
import dev.switchboard.gateway.GatewayException.Reason;

/**
 * The wire: every call has a connect and a request timeout, sends the key as a bearer token, and
 * turns transport failures into {@link GatewayException}s whose messages are safe to show.
 */
final class LiteLlmHttp {

	private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("\\b[0-9a-fA-F]{64}\\b");


	private final HttpClient client;

	private final String base;

	private final LiteLlmProperties properties;

	private volatile String lastSeenVersion;

	LiteLlmHttp(LiteLlmProperties properties) {
		this.properties = properties;
		this.base = properties.baseUrl().toString().replaceAll("/+$", "");
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A response, whatever its status. */
	record Reply(int status, Map<String, List<String>> headers, JsonNode body, String text) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
				.map(entry -> entry.getValue().get(0))
				.findFirst();
		}
	}

	Reply admin(String method, String path, JsonNode body) {
		return send(method, path, body, properties.masterKey(), properties.requestTimeout());
	}

	Reply unauthenticated(String path) {
		return send("GET", path, null, null, properties.requestTimeout());
	}

	Reply probe(JsonNode body, Duration timeout) {
		return send("POST", "/v1/chat/completions", body, properties.probeKeyOrMaster(), timeout);
	}

	/** The last {@code x-litellm-version} header seen on any answer. */
	Optional<String> lastSeenVersion() {
		return Optional.ofNullable(lastSeenVersion);
	}

	String base() {
		return Redaction.url(base);
	}

	private Reply send(String method, String path, JsonNode body, String key, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		String call = method + " " + path;
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Reply reply = new Reply(response.statusCode(), response.headers().map(), JsonBodies.parse(response.body()),
					response.body());
			reply.header("x-litellm-version").ifPresent(version -> lastSeenVersion = version);
			return reply;
		}
		catch (HttpConnectTimeoutException ex) {
			throw new GatewayException(Reason.UNREACHABLE,
					"could not connect to LiteLLM at " + base() + " within " + seconds(properties.connectTimeout()), ex);
		}
		catch (HttpTimeoutException ex) {
			String unsure = "GET".equals(method) ? ""
					: "; the change may or may not have been made: read the route back before trying again";
			throw new GatewayException(Reason.TIMEOUT,
					"LiteLLM did not answer " + call + " within " + seconds(timeout) + unsure, ex);
		}
		catch (ConnectException ex) {
			throw new GatewayException(Reason.UNREACHABLE, "cannot reach LiteLLM at " + base() + " (connection refused)",
					ex);
		}
		catch (IOException ex) {
			throw new GatewayException(Reason.UNREACHABLE,
					"cannot reach LiteLLM at " + base() + ": " + scrub(String.valueOf(ex.getMessage())), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException(Reason.TIMEOUT, "interrupted while waiting for LiteLLM (" + call + ")", ex);
		}
	}

	/**
	 * Redacts and removes the configured keys, whatever their shape, and any SHA-256 hex: LiteLLM's
	 * 401 names the presented key's hash ("Key Hash (Token) =…"), which identifies the master key.
	 */
	String scrub(String text) {
		String out = Redaction.text(text);
		if (out != null) {
			out = SHA256_HEX.matcher(out).replaceAll(Redaction.MASK);
		}
		for (String key : new String[] { properties.masterKey(), properties.probeKey() }) {
			if (key != null && !key.isBlank() && out != null) {
				out = out.replace(key, Redaction.MASK);
			}
		}
		return out;
	}

	static String seconds(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}
