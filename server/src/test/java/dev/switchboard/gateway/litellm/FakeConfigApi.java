package dev.switchboard.gateway.litellm;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /config/update} (DB only; drops router keys it does not model) and {@code GET /router/settings}. */
final class FakeConfigApi {

	/** Router keys /config/update keeps; others (e.g. max_fallbacks, #37301) vanish without a word. */
	private static final Set<String> ROUTER_KEYS = Set.of("fallbacks", "context_window_fallbacks",
			"content_policy_fallbacks", "model_group_alias", "num_retries", "allowed_fails", "cooldown_time",
			"retry_policy", "routing_strategy", "timeout");

	private final FakeLiteLlm proxy;

	FakeConfigApi(FakeLiteLlm proxy) {
		this.proxy = proxy;
	}

	boolean handle(FakeExchange exchange) throws IOException {
		String route = exchange.method() + " " + exchange.path();
		if (route.equals("POST /config/update")) {
			update(exchange);
		}
		else if (route.equals("GET /router/settings")) {
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			body.putArray("fields").addObject().put("field_name", "model_group_alias").put("field_type", "Dict");
			body.set("current_values", proxy.store.view(exchange.replica()).routerSettings());
			body.putObject("routing_strategy_descriptions").put("simple-shuffle", "random");
			exchange.json(200, body);
		}
		else {
			return false;
		}
		return true;
	}

	private void update(FakeExchange exchange) throws IOException {
		if (!requireDb(proxy, exchange)) {
			return;
		}
		JsonNode changes = exchange.body().path("router_settings");
		FakeState next = proxy.store.latest().withRouterSettings(settings -> {
			for (Map.Entry<String, JsonNode> change : changes.properties()) {
				boolean dropped = !ROUTER_KEYS.contains(change.getKey())
						|| (proxy.dropsAlias && change.getKey().equals("model_group_alias"));
				if (!dropped) {
					settings.set(change.getKey(), change.getValue());
				}
			}
			return settings;
		});
		proxy.writes.incrementAndGet();
		proxy.store.commit(exchange.replica(), next, true);
		exchange.json(200, Map.of("message", "Config updated successfully"));
	}

	/** Model and config writes need the DB: 500 in FastAPI's envelope otherwise. */
	static boolean requireDb(FakeLiteLlm proxy, FakeExchange exchange) throws IOException {
		if (!proxy.dbConnected) {
			exchange.detailError(500, "No DB Connected. Here's how to do it - https://docs.litellm.ai/docs/proxy/virtual_keys");
			return false;
		}
		return true;
	}
}
