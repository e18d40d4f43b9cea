package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/**
 * Reads LiteLLM's two error envelopes ({@code {"error":{"message","type","param","code"}}} from
 * ProxyException, {@code {"detail":…}} from FastAPI) and turns the documented pitfalls into
 * messages that say what to do.
 */
final class LiteLlmErrors {

	private static final int MAX_MESSAGE = 300;

	private LiteLlmErrors() {
	}

	/** The proxy's message from either envelope, redacted and shortened. */
	static String message(LiteLlmHttp.Reply reply, LiteLlmHttp http) {
		String message = extract(reply.body());
		if (message == null || message.isBlank()) {
			message = reply.text() == null || reply.text().isBlank() ? "(no body)" : reply.text();
		}
		String scrubbed = http.scrub(message.strip());
		return scrubbed.length() > MAX_MESSAGE ? scrubbed.substring(0, MAX_MESSAGE) + "…" : scrubbed;
	}

	/** The newer builds' 500 that still saved the change: "written, not verified", not a failure. */
	static boolean savedButNotLive(LiteLlmHttp.Reply reply, LiteLlmHttp http) {
		String message = message(reply, http).toLowerCase(Locale.ROOT);
		return reply.status() == 500 && message.contains("saved to the database");
	}

	static GatewayException of(LiteLlmHttp.Reply reply, String call, LiteLlmHttp http) {
		String message = message(reply, http);
		String lower = message.toLowerCase(Locale.ROOT);
		int status = reply.status();
		String said = " (" + status + " on " + call + ": " + message + ")";
		if (status == 401) {
			return new GatewayException(Reason.UNAUTHORIZED, "LiteLLM refused the master key" + said
					+ "; check switchboard.gateway.litellm.master-key (LITELLM_MASTER_KEY)");
		}
		if (status == 403) {
			return new GatewayException(Reason.UNAUTHORIZED,
					"LiteLLM says this key may not do that: route changes need a PROXY_ADMIN key" + said);
		}
		if (lower.contains("config") && (lower.contains("cannot edit") || lower.contains("config-based")
				|| lower.contains("config based") || lower.contains("cannot delete"))) {
			return new GatewayException(Reason.REJECTED, "this deployment comes from the proxy's config file and LiteLLM"
					+ " cannot change it by API: store the model in the DB (STORE_MODEL_IN_DB=True, POST /model/new)"
					+ " and flip that deployment instead" + said);
		}
		if (lower.contains("no db connected") || lower.contains("store_model_in_db")
				|| lower.contains("database not connected") || lower.contains("db not connected")) {
			return new GatewayException(Reason.REJECTED, "LiteLLM has no database for model changes: route flips need"
					+ " DATABASE_URL and STORE_MODEL_IN_DB=True (a DB row general_settings.store_model_in_db=false"
					+ " overrides the variable)" + said);
		}
		if ((status == 404 && "not found".equals(lower)) || status == 405) {
			return new GatewayException(Reason.UNSUPPORTED,
					"this LiteLLM has no " + call + " (too old for this strategy?)" + said);
		}
		if (status == 404) {
			return new GatewayException(Reason.UNKNOWN_TARGET, "LiteLLM does not know it" + said);
		}
		String kind = status >= 500 ? "LiteLLM failed" : "LiteLLM rejected";
		return new GatewayException(Reason.REJECTED, kind + " " + call + said.replace(" on " + call, ""));
	}

	private static String extract(JsonNode body) {
		if (body == null || body.isMissingNode()) {
			return null;
		}
		JsonNode error = body.path("error");
		if (error.isObject()) {
			return error.path("message").isString() ? error.path("message").asString() : error.toString();
		}
		if (error.isString()) {
			return error.asString();
		}
		JsonNode detail = body.path("detail");
		if (detail.isString()) {
			return detail.asString();
		}
		if (detail.isObject()) {
			JsonNode inner = detail.path("error").isString() ? detail.path("error") : detail.path("message");
			return inner.isString() ? inner.asString() : detail.toString();
		}
		if (detail.isArray()) {
			List<String> parts = new ArrayList<>();
			detail.values().forEach(item -> parts.add(item.path("msg").isString() ? item.path("msg").asString() : item.toString()));
			return String.join("; ", parts);
		}
		return body.path("message").isString() ? body.path("message").asString() : null;
	}
}
