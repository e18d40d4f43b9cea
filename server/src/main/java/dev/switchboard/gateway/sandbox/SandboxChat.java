package dev.switchboard.gateway.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.switchboard.gateway.ChatEndpoint;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox gateway's data plane: {@code POST /v1/chat/completions} with {@code model} = a route.
 * Routes to the selected target, falls back to the other enabled targets when it errors (as
 * LiteLLM does), and answers with the serving target's model and LiteLLM's {@code x-litellm-*}
 * headers. With a convergence lag set, it serves from a route table that many seconds old, like a
 * gateway replica that has not polled its database yet.
 */
final class SandboxChat implements HttpHandler {

	private static final Pattern ECHO = Pattern.compile("Reply with exactly:\\s*(\\S+)");

	private record Cached(SandboxRoute route, long loadedAt) {
	}

	private final SandboxRouteTable table;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private volatile Duration lag = Duration.ZERO;

	private volatile Duration slowness = Duration.ofSeconds(30);

	private final Duration delay;

	SandboxChat(SandboxRouteTable table, Duration delay) {
		this.table = table;
		this.delay = delay;
	}

	/** From now on, serve routes as they were up to {@code lag} ago (zero: always the current table). */
	void lag(Duration newLag) {
		cache.clear();
		lag = newLag;
		if (!newLag.isZero()) {
			table.routes().forEach(r -> table.find(r).ifPresent(route -> cache.put(r, new Cached(route, System.nanoTime()))));
		}
	}

	void slowness(Duration pause) {
		slowness = pause;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			if (!delay.isZero()) {
				pause(delay);
			}
			if (!exchange.getRequestMethod().equals("POST")) {
				SandboxHttp.error(exchange, 405, "invalid_request_error", "use POST", Map.of());
				return;
			}
			JsonNode body = SandboxHttp.read(exchange, JsonNode.class);
			String model = body.path("model").asString("");
			Optional<SandboxRoute> route = view(model);
			if (route.isEmpty()) {
				SandboxHttp.error(exchange, 400, "invalid_request_error",
						"Invalid model name passed in model=" + model + ". Call `/v1/models` to view available models", Map.of());
				return;
			}
			String direct = exchange.getRequestHeaders().getFirst(ChatEndpoint.SANDBOX_TARGET_HEADER);
			serve(exchange, direct == null ? route.get() : only(route.get(), direct), body);
		}
		catch (RuntimeException ex) {
			SandboxHttp.error(exchange, 500, "internal_error", "sandbox gateway failed: " + ex.getMessage(), Map.of());
		}
		finally {
			exchange.close();
		}
	}

	private void serve(HttpExchange exchange, SandboxRoute route, JsonNode body) throws IOException {
		SandboxRoute.Target selected = route.target(route.selected()).orElse(null);
		if (selected == null || !selected.enabled()) {
			SandboxHttp.error(exchange, 403, "blocked", "model group " + route.route()
					+ " is blocked: its selected deployment is disabled", Map.of("x-litellm-model-group", route.route()));
			return;
		}
		List<SandboxRoute.Target> order = new ArrayList<>(List.of(selected));
		route.targets().stream().filter(t -> t.enabled() && !t.id().equals(selected.id())).forEach(order::add);
		SandboxRoute.Target last = selected;
		for (int attempt = 0; attempt < order.size(); attempt++) {
			last = order.get(attempt);
			Behaviour behaviour = last.behaviour();
			if (behaviour == Behaviour.DOWN || behaviour == Behaviour.THROTTLED) {
				continue;
			}
			if (behaviour == Behaviour.SLOW) {
				pause(slowness);
			}
			String reference = reference(exchange);
			String content = behaviour == Behaviour.WRONG_CONTENT ? garbage()
					: reference == null ? answer(body) : behaviour == Behaviour.DRIFT ? SandboxDrift.of(reference) : reference;
			SandboxHttp.json(exchange, 200, completion(last, content), headers(route, last, attempt));
			return;
		}
		Map<String, String> headers = headers(route, last, order.size() - 1);
		if (last.behaviour() == Behaviour.THROTTLED) {
			headers.put("Retry-After", "30");
			SandboxHttp.error(exchange, 429, "rate_limit_error", "RateLimitError: " + last.model()
					+ " rate limit reached (sandbox)", headers);
		}
		else {
			SandboxHttp.error(exchange, 503, "service_unavailable", "ServiceUnavailableError: " + last.model()
					+ " is down (sandbox)", headers);
		}
	}

	/** The route with only {@code target} selected and no fallback: a canary of that target, straight. */
	private static SandboxRoute only(SandboxRoute route, String target) {
		SandboxRoute.Target t = route.targets().stream().filter(x -> x.id().equals(target) || x.model().equals(target))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no target '" + target + "' on route " + route.route()));
		return new SandboxRoute(route.route(), t.id(), List.of(new SandboxRoute.Target(t.id(), t.position(), t.model(),
				t.apiBase(), true, t.behaviour())));
	}

	/** A golden case's known-good answer, which the fake upstream plays back (see {@link ChatEndpoint}). */
	private static String reference(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst(ChatEndpoint.REFERENCE_HEADER);
		if (header == null) {
			return null;
		}
		try {
			return new String(java.util.Base64.getUrlDecoder().decode(header), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Optional<SandboxRoute> view(String route) {
		Duration current = lag;
		if (current.isZero()) {
			return table.find(route);
		}
		Cached cached = cache.get(route);
		if (cached == null || System.nanoTime() - cached.loadedAt() >= current.toNanos()) {
			Optional<SandboxRoute> fresh = table.find(route);
			fresh.ifPresent(r -> cache.put(route, new Cached(r, System.nanoTime())));
			return fresh;
		}
		return Optional.of(cached.route());
	}

	private static Map<String, String> headers(SandboxRoute route, SandboxRoute.Target target, int fallbacks) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-litellm-model-id", target.id());
		headers.put("x-litellm-model-group", route.route());
		headers.put("x-litellm-model-name", target.model());
		headers.put("x-litellm-model-api-base", target.apiBase());
		headers.put("x-litellm-attempted-fallbacks", String.valueOf(fallbacks));
		headers.put("x-litellm-attempted-retries", "0");
		headers.put("x-litellm-version", "sandbox");
		headers.put("x-litellm-call-id", UUID.randomUUID().toString());
		return headers;
	}

	private static Map<String, Object> completion(SandboxRoute.Target target, String content) {
		return Map.of("id", "chatcmpl-sbx-" + UUID.randomUUID().toString().substring(0, 12), "object", "chat.completion",
				"created", System.currentTimeMillis() / 1000, "model", target.model(), "choices",
				List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content",
						content))),
				"usage", Map.of("prompt_tokens", 12, "completion_tokens", 4, "total_tokens", 16));
	}

	private static String answer(JsonNode body) {
		JsonNode messages = body.path("messages");
		String last = messages.isArray() && messages.size() > 0
				? messages.path(messages.size() - 1).path("content").asString("") : "";
		Matcher echo = ECHO.matcher(last);
		return echo.find() ? echo.group(1) : "ok";
	}

	private static String garbage() {
		return "{\"invoice_total\": \"purple\", \"lines\": [\"as an AI I cannot\" ]} lorem ipsum";
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
