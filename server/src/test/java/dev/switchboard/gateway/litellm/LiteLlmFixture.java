package dev.switchboard.gateway.litellm;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.litellm.LiteLlmProperties.Strategy;

/**
 * Three routes made through the proxy's own admin API (so the same setup runs against the fake
 * and a live proxy), one per strategy, each on {@link #PRIMARY} with {@link #SECONDARY} ready:
 * deployments carry {@code mock_response} so a live proxy never calls a provider. Also plays
 * "someone else" changing a route by hand. Everything it makes is named {@code sb-*-<suffix>}.
 */
final class LiteLlmFixture {

	static final String PRIMARY = "openai/gpt-4.1";

	static final String SECONDARY = "anthropic/claude-sonnet-4";

	/** Credentials that must never leave the adapter. */
	static final String PRIMARY_BASE = "https://primary.example.test/v1?api-version=2025-01&sig=SECRETSIG";

	static final String SECONDARY_BASE = "https://secondary.example.test";

	static final List<String> SECRETS = List.of("SECRETSIG", "sk-primary-secret-555", "sk-secondary-secret-777",
			FakeLiteLlm.MASTER_KEY);

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final LiteLlmHttp admin;

	final boolean blockSupported;

	LiteLlmFixture(URI baseUrl, String masterKey) {
		this.admin = new LiteLlmHttp(new LiteLlmProperties(baseUrl, masterKey, null, null, Duration.ofSeconds(20), null,
				null, null, null));
		create(route(Strategy.REPOINT), id("rp"), PRIMARY, PRIMARY_BASE, "sk-primary-secret-555");
		create(route(Strategy.BLOCK), id("bp"), PRIMARY, PRIMARY_BASE, "sk-primary-secret-555");
		create(route(Strategy.BLOCK), id("bs"), SECONDARY, SECONDARY_BASE, "sk-secondary-secret-777");
		blockSupported = send("POST", "/model/block", Map.of("model_id", id("bs"))).ok();
		create(aliasGroup(PRIMARY), id("ap"), PRIMARY, PRIMARY_BASE, "sk-primary-secret-555");
		create(aliasGroup(SECONDARY), id("as"), SECONDARY, SECONDARY_BASE, "sk-secondary-secret-777");
		setAlias(aliasGroup(PRIMARY));
	}

	String route(Strategy strategy) {
		return "sb-" + strategy.name().toLowerCase() + "-" + suffix;
	}

	String id(String role) {
		return "sb-" + role + "-" + suffix;
	}

	String aliasGroup(String target) {
		return route(Strategy.ALIAS) + (target.equals(PRIMARY) ? "-primary" : "-secondary");
	}

	/** The adapter's configuration for the three routes. */
	Map<String, LiteLlmProperties.Route> routes() {
		return Map.of(route(Strategy.REPOINT),
				new LiteLlmProperties.Route(Strategy.REPOINT, id("rp"),
						List.of(new LiteLlmProperties.Target(PRIMARY, PRIMARY_BASE, "sk-primary-secret-555", null),
								new LiteLlmProperties.Target(SECONDARY, SECONDARY_BASE, "sk-secondary-secret-777", null))),
				route(Strategy.BLOCK), new LiteLlmProperties.Route(Strategy.BLOCK, null, null), route(Strategy.ALIAS),
				new LiteLlmProperties.Route(Strategy.ALIAS, null,
						List.of(new LiteLlmProperties.Target(PRIMARY, null, null, aliasGroup(PRIMARY)),
								new LiteLlmProperties.Target(SECONDARY, null, null, aliasGroup(SECONDARY)))));
	}

	/** Someone edits the route by hand on the proxy (UI or curl), not through Switchboard. */
	void changeByHand(Strategy strategy) {
		switch (strategy) {
			case REPOINT:
				ok("PATCH", "/model/" + id("rp") + "/update",
						Map.of("litellm_params", Map.of("api_base", "https://someone-else.example.test")));
				break;
			case BLOCK:
				// whichever is blocked now gets unblocked: traffic splits over both
				boolean primaryBlocked = Deployment.parse(send("GET", "/model/info", null).body())
					.stream()
					.anyMatch(deployment -> deployment.id().equals(id("bp")) && deployment.blocked());
				ok("POST", "/model/unblock", Map.of("model_id", id(primaryBlocked ? "bp" : "bs")));
				break;
			default:
				setAlias(aliasGroup(PRIMARY) + "-by-hand");
		}
	}

	void setAlias(String group) {
		ObjectNode aliases = aliases();
		if (group == null) {
			aliases.remove(route(Strategy.ALIAS));
		}
		else {
			aliases.put(route(Strategy.ALIAS), group);
		}
		ok("POST", "/config/update", Map.of("router_settings", Map.of("model_group_alias", aliases)));
	}

	/** Removes everything it made; best effort (a live proxy must not keep test routes). */
	void remove() {
		for (String role : List.of("rp", "bp", "bs", "ap", "as")) {
			send("POST", "/model/delete", Map.of("id", id(role)));
		}
		setAlias(null);
	}

	private ObjectNode aliases() {
		JsonNode current = admin.admin("GET", "/router/settings", null).body().path("current_values").path("model_group_alias");
		return current.isObject() ? (ObjectNode) current.deepCopy() : JsonNodeFactory.instance.objectNode();
	}

	private void create(String group, String id, String model, String apiBase, String apiKey) {
		ok("POST", "/model/new", Map.of("model_name", group, "litellm_params",
				Map.of("model", model, "api_base", apiBase, "api_key", apiKey, "mock_response", "ok"), "model_info",
				Map.of("id", id)));
	}

	LiteLlmHttp.Reply send(String method, String path, Object body) {
		return admin.admin(method, path, body == null ? null : tools.jackson.databind.json.JsonMapper.shared().valueToTree(body));
	}

	private void ok(String method, String path, Object body) {
		LiteLlmHttp.Reply reply = send(method, path, body);
		if (!reply.ok()) {
			throw new IllegalStateException(method + " " + path + " → " + reply.status() + " " + reply.text());
		}
	}
}
