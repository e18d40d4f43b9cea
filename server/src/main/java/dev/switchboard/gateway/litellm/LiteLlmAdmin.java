package dev.switchboard.gateway.litellm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** The admin reads the strategies share; a failed read throws with the proxy's own message. */
final class LiteLlmAdmin {

	private final LiteLlmHttp http;

	LiteLlmAdmin(LiteLlmHttp http) {
		this.http = http;
	}

	LiteLlmHttp http() {
		return http;
	}

	List<Deployment> deployments() {
		return Deployment.parse(get("/model/info"));
	}

	/** One deployment by id ({@code ?litellm_model_id=}; filtered again here for proxies that ignore it). */
	Optional<Deployment> deployment(String id) {
		String path = "/model/info?litellm_model_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
		return Deployment.parse(get(path)).stream().filter(deployment -> id.equals(deployment.id())).findFirst();
	}

	/** {@code current_values} of {@code GET /router/settings} (read-only; there is no write twin). */
	JsonNode routerSettings() {
		return get("/router/settings").path("current_values");
	}

	JsonNode get(String path) {
		LiteLlmHttp.Reply reply = http.admin("GET", path, null);
		if (!reply.ok()) {
			throw LiteLlmErrors.of(reply, "GET " + path.replaceAll("\\?.*", ""), http);
		}
		return reply.body();
	}
}
