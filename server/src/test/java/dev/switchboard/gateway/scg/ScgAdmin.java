package dev.switchboard.gateway.scg;

import dev.switchboard.gateway.JsonBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks to the real gateway directly, the way an operator with curl would: defines routes, edits
 * them behind Switchboard's back, refreshes, deletes, and sends a request through a route.
 */
final class ScgAdmin {

	/** What a request through the gateway got: the status and the upstream that answered, if any. */
	record Served(int status, String servedBy) {
	}

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	ScgAdmin(URI base) {
		this.base = base;
	}

	/** A route serving {@code /r/<id>/**} from {@code upstream} (prefix stripped), as an operator would create it. */
	int define(String id, URI upstream, Map<String, String> metadata) {
		return define(id, upstream, metadata, List.of());
	}

	/** The same, with more filters after the prefix is stripped. */
	int define(String id, URI upstream, Map<String, String> metadata, List<Map<String, Object>> extraFilters) {
		List<Map<String, Object>> filters = new ArrayList<>();
		filters.add(Map.of("name", "StripPrefix", "args", Map.of("_genkey_0", "2")));
		filters.addAll(extraFilters);
		Map<String, Object> definition = Map.of("uri", upstream.toString(), "predicates",
				List.of(Map.of("name", "Path", "args", Map.of("_genkey_0", "/r/" + id + "/**"))), "filters", filters,
				"metadata", metadata);
		return send("POST", "/actuator/gateway/routes/" + id, ScgActuator.JSON.writeValueAsString(definition)).statusCode();
	}

	/** Repoints the route by hand, keeping everything else as it is on the gateway. */
	void repoint(String id, URI upstream) {
		ObjectNode definition = (ObjectNode) definition(id);
		definition.put("uri", upstream.toString());
		send("POST", "/actuator/gateway/routes/" + id, ScgActuator.JSON.writeValueAsString(definition));
		refresh();
	}

	/** The definition the gateway holds for {@code id}. */
	JsonNode definition(String id) {
		return stream(JsonBodies.parse(send("GET", "/actuator/gateway/routedefinitions", null).body()))
			.filter(node -> id.equals(node.path("id").asString(null)))
			.findFirst()
			.orElseThrow();
	}

	int refresh() {
		return send("POST", "/actuator/gateway/refresh", null).statusCode();
	}

	int delete(String id) {
		return send("DELETE", "/actuator/gateway/routes/" + id, null).statusCode();
	}

	static String probePath(String id) {
		return "/r/" + id + "/v1/chat/completions";
	}

	Served through(String id) {
		HttpResponse<String> response = send("POST", probePath(id),
				"{\"model\":\"" + id + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
		return new Served(response.statusCode(), response.headers().firstValue(FakeUpstream.SERVED_BY).orElse(null));
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false);
	}

	private HttpResponse<String> send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
