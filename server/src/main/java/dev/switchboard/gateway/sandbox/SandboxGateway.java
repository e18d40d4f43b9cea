package dev.switchboard.gateway.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.ChatEndpoint;
import dev.switchboard.gateway.DriftReport;
import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.RouteProbes;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox adapter: drives the in-process sandbox gateway through its HTTP admin API and
 * verifies with real probes through its chat endpoint. Never production: drills run here.
 */
@Component
public class SandboxGateway implements Gateway {

	private final SandboxServer server;

	private final HttpClient http;

	private final Duration timeout;

	private final RouteProbes probes;

	SandboxGateway(SandboxServer server, GatewayProperties properties) {
		this.server = server;
		this.timeout = properties.callTimeout();
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
		this.probes = new RouteProbes(http);
	}

	@Override
	public String kind() {
		return "sandbox";
	}

	@Override
	public boolean production() {
		return false;
	}

	@Override
	public List<RouteState> routes() {
		JsonNode body = SandboxHttp.JSON.readTree(call("GET", "/admin/routes", null, Map.of()).body());
		return SandboxHttp.JSON.convertValue(body.path("routes"),
				SandboxHttp.JSON.getTypeFactory().constructCollectionType(List.class, RouteState.class));
	}

	@Override
	public RouteState read(String route) {
		return state(call("GET", "/admin/routes/" + segment(route), null, Map.of()));
	}

	@Override
	public FlipPlan plan(String route, String target) {
		RouteState live = read(route);
		RouteState.Target to = live.targets().stream().filter(t -> t.id().equals(target)).findFirst()
			.or(() -> live.targets().stream().filter(t -> t.model().equals(target)).findFirst())
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_TARGET, "route " + route + " has no target '" + target
					+ "' on the sandbox gateway; it has " + live.targets().stream().map(RouteState.Target::model).toList()));
		String from = live.activeTarget() == null ? "(disabled)" : live.activeTarget();
		String summary = route + ": " + from + " → " + to.model() + (to.enabled() ? "" : " (re-enabling it)");
		FlipPlan.PlannedCall call = new FlipPlan.PlannedCall("POST", "/admin/routes/" + segment(route) + "/select",
				SandboxHttp.JSON.writeValueAsString(new SandboxAdmin.Select(to.id(), live.fingerprint())));
		String hash = Fingerprint.of(kind(), route, from, to.model(), call.method(), call.path(), call.body(),
				live.fingerprint());
		return new FlipPlan(kind(), route, from, to.model(), summary, List.of(call), live.fingerprint(), hash);
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		if (!kind().equals(plan.gateway())) {
			throw new GatewayException(Reason.REJECTED, "a " + plan.gateway() + " plan cannot be applied on the sandbox");
		}
		for (FlipPlan.PlannedCall planned : plan.calls()) {
			HttpResponse<String> response = send(planned.method(), planned.path(), planned.body(),
					Map.of("Idempotency-Key", idempotencyKey, "X-Switchboard-Plan", plan.hash()));
			if (response.statusCode() == 409) {
				throw new GatewayException(Reason.STALE_PLAN, plan.route() + " changed since the plan was made ("
						+ plan.summary() + "); nothing was applied: plan again");
			}
			check(response);
		}
		return read(plan.route());
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		String body = SandboxHttp.JSON.writeValueAsString(new SandboxAdmin.Enable(enabled));
		call("POST", "/admin/routes/" + segment(route) + "/targets/" + segment(target) + "/enabled", body, Map.of());
		return read(route);
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		RouteProbes.Expected expected;
		try {
			expected = expected(read(route), expectedTarget);
		}
		catch (GatewayException ex) {
			return new Verification(Verification.Outcome.FAILED, policy.probes(), 0,
					List.of("cannot read " + route + " before probing: " + ex.getMessage()));
		}
		return probes.run(server.base().resolve("/v1/chat/completions"), Map.of(), route, expected, policy);
	}

	@Override
	public java.util.Optional<ChatEndpoint> chat(String route, String target) {
		Map<String, String> headers = target == null ? Map.of() : Map.of(ChatEndpoint.SANDBOX_TARGET_HEADER, target);
		return java.util.Optional.of(new ChatEndpoint(server.base().resolve("/v1/chat/completions"), route, headers, true));
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		String route = snapshot.state().route();
		RouteState live = read(route);
		if (!live.fingerprint().equals(expectedCurrent.fingerprint())) {
			throw new GatewayException(Reason.DRIFT, DriftReport.describe(route, expectedCurrent, live));
		}
		Map<String, Boolean> enabled = new LinkedHashMap<>();
		snapshot.state().targets().forEach(t -> enabled.put(t.id(), t.enabled()));
		String selected = snapshot.state().raw().getOrDefault("selected", snapshot.state().activeTarget());
		String body = SandboxHttp.JSON.writeValueAsString(new SandboxAdmin.Restore(selected, enabled,
				expectedCurrent.fingerprint()));
		HttpResponse<String> response = send("POST", "/admin/routes/" + segment(route) + "/restore", body, Map.of());
		if (response.statusCode() == 409) {
			RouteState now = SandboxHttp.JSON.convertValue(SandboxHttp.JSON.readTree(response.body()).path("live"),
					RouteState.class);
			throw new GatewayException(Reason.DRIFT, DriftReport.describe(route, expectedCurrent, now));
		}
		check(response);
		return read(route);
	}

	private static RouteProbes.Expected expected(RouteState live, String target) {
		if (target == null) {
			return new RouteProbes.Expected(null, null, null);
		}
		RouteState.Target t = live.targets().stream().filter(x -> x.id().equals(target)).findFirst()
			.or(() -> live.targets().stream().filter(x -> x.model().equals(target)).findFirst())
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_TARGET, "route " + live.route() + " has no target '"
					+ target + "'"));
		return new RouteProbes.Expected(t.id(), t.model(), t.apiBase());
	}

	private RouteState state(HttpResponse<String> response) {
		return SandboxHttp.JSON.readValue(response.body(), RouteState.class);
	}

	private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
		return check(send(method, path, body, headers));
	}

	private HttpResponse<String> check(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status / 100 == 2) {
			return response;
		}
		JsonNode error = SandboxHttp.JSON.readTree(response.body()).path("error");
		String message = Redaction.text(error.path("message").asString("HTTP " + status));
		String type = error.path("type").asString("");
		if (status == 404) {
			throw new GatewayException(type.equals("unknown_target") ? Reason.UNKNOWN_TARGET : Reason.UNKNOWN_ROUTE, message);
		}
		throw new GatewayException(status == 401 || status == 403 ? Reason.UNAUTHORIZED : Reason.REJECTED,
				"sandbox gateway answered " + status + ": " + message);
	}

	private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
		URI uri = server.base().resolve(path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new GatewayException(Reason.TIMEOUT, "the sandbox gateway did not answer " + method + " " + path + " within "
					+ timeout.toMillis() + " ms", ex);
		}
		catch (IOException ex) {
			throw new GatewayException(Reason.UNREACHABLE, "the sandbox gateway is unreachable (" + method + " " + path + ": "
					+ ex.getClass().getSimpleName() + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException(Reason.TIMEOUT, "interrupted while calling the sandbox gateway", ex);
		}
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
