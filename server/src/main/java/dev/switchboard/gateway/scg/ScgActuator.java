package dev.switchboard.gateway.scg;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.JsonBodies;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.Redaction;

/**
 * The wire to the gateway's actuator route API: every call has a connect and a request timeout,
 * carries the admin credentials when configured, and turns transport failures and refusals into
 * {@link GatewayException}s whose messages are safe to show.
 */
final class ScgActuator {

	static final JsonMapper JSON = JsonMapper.shared();

	private final ScgProperties properties;

	private final HttpClient client;

	private final String base;

	ScgActuator(ScgProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
		this.base = properties.baseUrl().toString().replaceAll("/+$", "");
	}

	/** A response, whatever its status. */
	record Reply(int status, String text) {

		boolean ok() {
			return status / 100 == 2;
		}
	}

	/** Every route definition in the gateway's repository: what is written, refreshed or not. */
	JsonNode definitions() {
		Reply reply = send("GET", "/routedefinitions", null);
		if (reply.status() == 404) {
			throw new GatewayException(Reason.UNSUPPORTED, "the gateway at " + base() + " has no actuator route API at "
					+ properties.actuatorPath() + " (expose it: management.endpoints.web.exposure.include=gateway,"
					+ " management.endpoint.gateway.access=unrestricted)");
		}
		JsonNode body = JsonBodies.parse(require(reply, "GET routedefinitions").text());
		if (!body.isArray()) {
			throw new GatewayException(Reason.REJECTED, "the gateway's route definitions are not a JSON list");
		}
		return body;
	}

	/** The route the gateway serves now (after the last refresh), or empty when it serves none by that id. */
	Optional<JsonNode> live(String routeId) {
		Reply reply = send("GET", "/routes/" + segment(routeId), null);
		if (reply.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(JsonBodies.parse(require(reply, "GET routes/" + routeId).text()));
	}

	void save(String routeId, JsonNode definition) {
		require(send("POST", "/routes/" + segment(routeId), JSON.writeValueAsString(definition)),
				"POST routes/" + routeId);
	}

	/** Asks the gateway to rebuild its routes from the definitions; the caller judges the answer. */
	Reply refresh() {
		return send("POST", "/refresh", null);
	}

	String base() {
		return Redaction.text(base);
	}

	private Reply require(Reply reply, String call) {
		if (reply.ok()) {
			return reply;
		}
		Reason reason = reply.status() == 401 || reply.status() == 403 ? Reason.UNAUTHORIZED : Reason.REJECTED;
		throw new GatewayException(reason, "the gateway answered " + call + " with HTTP " + reply.status()
				+ (reply.text().isBlank() ? "" : ": " + scrub(abbreviate(reply.text()))));
	}

	private Reply send(String method, String path, String body) {
		String call = method + " " + properties.actuatorPath() + path;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + properties.actuatorPath() + path))
			.timeout(properties.requestTimeout())
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		authorization().ifPresent(value -> request.header("Authorization", value));
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body() == null ? "" : response.body());
		}
		catch (HttpConnectTimeoutException ex) {
			throw new GatewayException(Reason.UNREACHABLE, "could not connect to the gateway at " + base() + " within "
					+ millis(properties.connectTimeout()), ex);
		}
		catch (HttpTimeoutException ex) {
			String unsure = "GET".equals(method) ? ""
					: "; the change may or may not have been made: read the route back before trying again";
			throw new GatewayException(Reason.TIMEOUT, "the gateway did not answer " + call + " within "
					+ millis(properties.requestTimeout()) + unsure, ex);
		}
		catch (ConnectException ex) {
			throw new GatewayException(Reason.UNREACHABLE, "cannot reach the gateway at " + base() + " (connection refused)",
					ex);
		}
		catch (IOException ex) {
			throw new GatewayException(Reason.UNREACHABLE, "cannot reach the gateway at " + base() + " (" + call + ": "
					+ scrub(String.valueOf(ex.getMessage())) + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException(Reason.TIMEOUT, "interrupted while waiting for the gateway (" + call + ")", ex);
		}
	}

	private Optional<String> authorization() {
		if (!ScgProperties.blank(properties.adminToken())) {
			return Optional.of("Bearer " + properties.adminToken());
		}
		if (!ScgProperties.blank(properties.adminUser())) {
			String pair = properties.adminUser() + ":" + properties.adminPassword();
			return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		return Optional.empty();
	}

	/** Redacts, and removes the configured secrets whatever their shape. */
	String scrub(String text) {
		String out = Redaction.text(text);
		for (String secret : new String[] { properties.adminToken(), properties.adminPassword(), properties.probeToken() }) {
			if (!ScgProperties.blank(secret) && out != null) {
				out = out.replace(secret, Redaction.MASK);
			}
		}
		return out;
	}

	static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}
}
