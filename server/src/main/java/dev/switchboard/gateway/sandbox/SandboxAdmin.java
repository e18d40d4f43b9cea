package dev.switchboard.gateway.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox gateway's admin API, over HTTP like a real gateway's, so the adapter meets real
 * timeouts and refused connections: {@code GET /admin/routes[/{route}]},
 * {@code POST /admin/routes/{route}/select} (with {@code Idempotency-Key} and the plan hash in
 * {@code X-Switchboard-Plan}),
 * {@code POST /admin/routes/{route}/targets/{id}/enabled}, {@code POST /admin/routes/{route}/restore}.
 */
final class SandboxAdmin implements HttpHandler {

	record Select(String target, String basedOn) {
	}

	record Enable(boolean enabled) {
	}

	record Restore(String selected, Map<String, Boolean> enabled, String expectedFingerprint) {
	}

	private final SandboxRouteTable table;

	private final Supplier<Duration> delay;

	SandboxAdmin(SandboxRouteTable table, Supplier<Duration> delay) {
		this.table = table;
		this.delay = delay;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			pause();
			List<String> path = segments(exchange.getRequestURI().getRawPath());
			String method = exchange.getRequestMethod();
			if (path.size() == 2 && method.equals("GET")) {
				SandboxHttp.json(exchange, 200, Map.of("routes",
						table.routes().stream().map(r -> table.find(r).orElseThrow().toState()).toList()), Map.of());
			}
			else if (path.size() == 3 && method.equals("GET")) {
				route(exchange, path.get(2), SandboxRouteTable.Write.DONE, Map.of());
			}
			else if (path.size() == 4 && path.get(3).equals("select") && method.equals("POST")) {
				Select body = SandboxHttp.read(exchange, Select.class);
				String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
				if (key == null || key.isBlank()) {
					SandboxHttp.error(exchange, 400, "invalid_request_error", "Idempotency-Key header is required", Map.of());
					return;
				}
				SandboxRouteTable.Write write = table.select(path.get(2), body.target(), body.basedOn(), key,
						exchange.getRequestHeaders().getFirst("X-Switchboard-Plan"));
				route(exchange, path.get(2), write, Map.of("Idempotent-Replay",
						String.valueOf(write == SandboxRouteTable.Write.REPLAYED)));
			}
			else if (path.size() == 6 && path.get(3).equals("targets") && path.get(5).equals("enabled")
					&& method.equals("POST")) {
				Enable body = SandboxHttp.read(exchange, Enable.class);
				route(exchange, path.get(2), table.setEnabled(path.get(2), path.get(4), body.enabled()), Map.of());
			}
			else if (path.size() == 4 && path.get(3).equals("restore") && method.equals("POST")) {
				Restore body = SandboxHttp.read(exchange, Restore.class);
				route(exchange, path.get(2), table.restore(path.get(2), body.selected(),
						body.enabled() == null ? Map.of() : body.enabled(), body.expectedFingerprint()), Map.of());
			}
			else {
				SandboxHttp.error(exchange, 404, "not_found", "no admin endpoint " + method + " " + exchange.getRequestURI(),
						Map.of());
			}
		}
		catch (RuntimeException ex) {
			SandboxHttp.error(exchange, 500, "internal_error", "sandbox admin failed: " + ex.getMessage(), Map.of());
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange, String route, SandboxRouteTable.Write write, Map<String, String> headers)
			throws IOException {
		var found = table.find(route);
		if (found.isEmpty() || write == SandboxRouteTable.Write.UNKNOWN_ROUTE) {
			SandboxHttp.error(exchange, 404, "unknown_route", "no route '" + route + "' on the sandbox gateway", headers);
		}
		else if (write == SandboxRouteTable.Write.UNKNOWN_TARGET) {
			SandboxHttp.error(exchange, 404, "unknown_target", "route '" + route + "' has no such target; it has "
					+ found.get().targets().stream().map(t -> t.id() + " (" + t.model() + ")").toList(), headers);
		}
		else if (write == SandboxRouteTable.Write.STALE) {
			SandboxHttp.json(exchange, 409, Map.of("error", Map.of("message", "route '" + route
					+ "' changed since the request was made", "type", "conflict", "code", "409"), "live",
					found.get().toState()), headers);
		}
		else {
			SandboxHttp.json(exchange, 200, found.get().toState(), headers);
		}
	}

	private void pause() {
		Duration pause = delay.get();
		if (!pause.isZero()) {
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static List<String> segments(String rawPath) {
		return java.util.Arrays.stream(rawPath.split("/"))
			.filter(s -> !s.isEmpty())
			.map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
			.toList();
	}
}
