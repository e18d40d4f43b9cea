package dev.switchboard.gateway.litellm;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions} on the fake: alias resolution, blocked deployments skipped
 * (a fully blocked group answers 403), round-robin over the rest, one fallback hop through
 * {@code router_settings.fallbacks} when the chosen upstream fails, and the headers that say who
 * served the request.
 */
final class FakeChatApi {

	private final FakeLiteLlm proxy;

	private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

	FakeChatApi(FakeLiteLlm proxy) {
		this.proxy = proxy;
	}

	void complete(FakeExchange exchange) throws IOException {
		FakeState state = proxy.store.view(exchange.replica());
		String requested = exchange.body().path("model").asString("");
		String group = aliasOf(state, requested);
		List<FakeState.Row> deployments = state.group(group);
		if (deployments.isEmpty()) {
			exchange.proxyError(400, "Invalid model name passed in model=" + requested
					+ ". Call `/v1/models` to view available models for your key.", "invalid_request_error", "model");
			return;
		}
		List<FakeState.Row> open = deployments.stream().filter(row -> !row.blocked()).toList();
		if (open.isEmpty()) {
			exchange.proxyError(403, "Model group " + group + " is blocked: every deployment is paused by an admin",
					"blocked_model_error", "model");
			return;
		}
		FakeState.Row chosen = pick(group, open);
		int fallbacks = 0;
		if (proxy.failingApiBases.contains(chosen.apiBase())) {
			FakeState.Row fallback = fallbackFor(state, group);
			if (fallback == null) {
				exchange.proxyError(500, "litellm.InternalServerError: upstream " + chosen.apiBase() + " failed",
						"internal_server_error", "None");
				return;
			}
			chosen = fallback;
			fallbacks = 1;
		}
		String apiBase = chosen.apiBase() == null ? "" : chosen.apiBase().replaceAll("\\?.*", "");
		exchange.header("x-litellm-model-id", chosen.id());
		exchange.header("x-litellm-model-group", chosen.group());
		exchange.header("x-litellm-model-api-base", apiBase);
		exchange.header("x-litellm-attempted-fallbacks", String.valueOf(fallbacks));
		exchange.header("x-litellm-attempted-retries", "0");
		exchange.header("x-litellm-call-id", UUID.randomUUID().toString());
		exchange.json(200, completion(chosen, proxy.answersByApiBase.getOrDefault(apiBase,
				chosen.params().path("mock_response").asString("ok"))));
	}

	private FakeState.Row pick(String group, List<FakeState.Row> open) {
		int turn = turns.computeIfAbsent(group, name -> new AtomicInteger()).getAndIncrement();
		return open.get(Math.floorMod(turn, open.size()));
	}

	private FakeState.Row fallbackFor(FakeState state, String group) {
		for (JsonNode rule : state.routerSettings().path("fallbacks").values()) {
			for (JsonNode next : rule.path(group).values()) {
				List<FakeState.Row> open = state.group(next.asString()).stream().filter(row -> !row.blocked()).toList();
				if (!open.isEmpty()) {
					return open.get(0);
				}
			}
		}
		return null;
	}

	private static String aliasOf(FakeState state, String requested) {
		JsonNode alias = state.routerSettings().path("model_group_alias").path(requested);
		if (alias.isString()) {
			return alias.asString();
		}
		return alias.isObject() ? alias.path("model").asString(requested) : requested;
	}

	/** What the upstream answers: the deployment's {@code mock_response} as LiteLLM does, or what a test set for its api base. */
	private static ObjectNode completion(FakeState.Row row, String content) {
		ObjectNode body = JsonNodeFactory.instance.objectNode()
			.put("id", "chatcmpl-" + UUID.randomUUID())
			.put("object", "chat.completion")
			.put("model", row.params().path("model").asString());
		body.putArray("choices")
			.addObject()
			.put("index", 0)
			.put("finish_reason", "length")
			.putObject("message")
			.put("role", "assistant")
			.put("content", content);
		body.putObject("usage").put("prompt_tokens", 5).put("completion_tokens", 1).put("total_tokens", 6);
		return body;
	}
}
