package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/**
 * One row of {@code GET /model/info}. {@code apiBase} is as stored, credentials included: never
 * show it without {@link Redaction#url}.
 */
record Deployment(String id, String group, String model, String apiBase, boolean dbModel, boolean blocked) {

	static List<Deployment> parse(JsonNode info) {
		List<Deployment> deployments = new ArrayList<>();
		for (JsonNode row : info.path("data").values()) {
			JsonNode params = row.path("litellm_params");
			JsonNode modelInfo = row.path("model_info");
			boolean blocked = modelInfo.path("blocked").asBoolean(false) || params.path("blocked").asBoolean(false);
			deployments.add(new Deployment(modelInfo.path("id").asString(null), row.path("model_name").asString(null),
					params.path("model").asString(null), params.path("api_base").asString(null),
					modelInfo.path("db_model").asBoolean(true), blocked));
		}
		return deployments;
	}

	/** Config-file models cannot be changed by API: refuse before any write (the proxy would answer 400). */
	void requireEditable(String route) {
		if (!dbModel) {
			throw new GatewayException(Reason.REJECTED, "route " + route + ": deployment " + id
					+ " comes from the proxy's config file, which LiteLLM cannot change by API; store the model in the"
					+ " DB (STORE_MODEL_IN_DB=True, POST /model/new) and route through that deployment");
		}
	}

	/** Facts that matter for drift (the full api_base goes into a digest only). */
	String canonical() {
		return id + "|" + group + "|" + model + "|" + normalizedBase(apiBase) + "|" + (blocked ? "blocked" : "active");
	}

	/** For the timeline: redacted. */
	String describe() {
		return "model=" + model + ", api_base=" + Redaction.url(apiBase) + (blocked ? ", blocked" : "")
				+ (dbModel ? "" : ", config-file model (not editable)");
	}

	/** Lower case, no query, no fragment, no trailing slash: what {@code x-litellm-model-api-base} carries. */
	static String normalizedBase(String apiBase) {
		if (apiBase == null || apiBase.isBlank()) {
			return "";
		}
		String out = apiBase.strip();
		int cut = out.indexOf('?');
		out = cut < 0 ? out : out.substring(0, cut);
		cut = out.indexOf('#');
		out = cut < 0 ? out : out.substring(0, cut);
		return out.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
	}
}
