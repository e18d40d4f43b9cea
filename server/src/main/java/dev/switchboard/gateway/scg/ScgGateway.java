package dev.switchboard.gateway.scg;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.DriftReport;
import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteProbes;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

/**
 * A Spring Cloud Gateway driven through its actuator route API (package documentation). Every
 * change reads the route first and writes nothing when it is already as planned, which is what
 * makes a repeated apply change the gateway once; idempotency keys held in memory only add a
 * refusal of a key reused for another plan.
 */
public final class ScgGateway implements Gateway {

	static final String KIND = "scg";

	private static final VerifyPolicy DEFAULT_POLICY = new VerifyPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

	private final ScgProperties properties;

	private final ScgActuator actuator;

	private final ScgWrites writes;

	private final RouteProbes probes;

	private final Map<String, String> appliedKeys = new ConcurrentHashMap<>();

	private final Map<String, Object> routeLocks = new ConcurrentHashMap<>();

	public ScgGateway(ScgProperties properties) {
		this.properties = Objects.requireNonNull(properties);
		if (properties.baseUrl() == null) {
			throw new IllegalArgumentException("switchboard.gateway.scg.base-url is not set");
		}
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.actuator = new ScgActuator(properties, http);
		this.writes = new ScgWrites(actuator);
		this.probes = new RouteProbes(http, properties.servedByHeader());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public boolean production() {
		return true;
	}

	@Override
	public List<RouteState> routes() {
		return properties.routes().keySet().stream().map(this::read).toList();
	}

	@Override
	public RouteState read(String route) {
		return reading(route).state();
	}

	@Override
	public FlipPlan plan(String route, String target) {
		ScgRoute live = reading(route);
		String to = target(live.config(), route, target).name();
		List<ScgCall> calls = callsTo(live, to, without(live.disabled(), to));
		String from = live.active() == null ? "(disabled)" : live.active();
		String how = calls.isEmpty() ? " (already there: no change)"
				: calls.size() == 1 ? " (written earlier, not served yet: refresh only)"
						: " (SCG route " + live.config().idOr(route) + ": uri rewrite, then refresh)";
		String summary = route + ": " + from + " → " + to + how;
		List<FlipPlan.PlannedCall> planned = calls.stream().map(c -> c.planned(properties.actuatorPath())).toList();
		String basedOn = live.state().fingerprint();
		return new FlipPlan(KIND, route, from, to, summary, planned, basedOn, hash(route, from, to, summary, planned, basedOn));
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		if (!KIND.equals(plan.gateway()) || !hash(plan.route(), plan.from(), plan.to(), plan.summary(), plan.calls(),
				plan.basedOn()).equals(plan.hash())) {
			throw new GatewayException(Reason.REJECTED, "plan " + plan.summary() + " is not an intact scg plan: refused");
		}
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		synchronized (lock(plan.route())) {
			String earlier = appliedKeys.get(idempotencyKey);
			if (earlier != null && !earlier.equals(plan.hash())) {
				throw new GatewayException(Reason.REJECTED,
						"idempotency key " + idempotencyKey + " was already used for a different plan");
			}
			ScgRoute live = reading(plan.route());
			SortedSet<String> disabled = without(live.disabled(), plan.to());
			List<ScgCall> calls = callsTo(live, plan.to(), disabled);
			if (earlier != null || calls.isEmpty()) {
				appliedKeys.put(idempotencyKey, plan.hash());
				return ScgWrites.noted(live.state(), "apply", earlier != null
						? "skipped: key " + idempotencyKey + " was already applied"
						: "skipped: the route is already as planned (nothing written)");
			}
			if (!live.state().fingerprint().equals(plan.basedOn())) {
				throw new GatewayException(Reason.STALE_PLAN, "route " + plan.route() + " changed since the plan was made"
						+ " (now " + live.state().raw().get("live") + "): make a new plan");
			}
			RouteState after = writes.runAndReadBack(calls, () -> reading(plan.route()),
					route -> route.writtenAs(plan.to(), disabled));
			appliedKeys.put(idempotencyKey, plan.hash());
			return after;
		}
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		synchronized (lock(route)) {
			ScgRoute live = reading(route);
			String name = target(live.config(), route, target).name();
			SortedSet<String> disabled = enabled ? without(live.disabled(), name) : with(live.disabled(), name);
			List<ScgCall> calls = callsTo(live, live.selected(), disabled);
			if (calls.isEmpty()) {
				return ScgWrites.noted(live.state(), "apply", "skipped: " + name + " is already "
						+ (enabled ? "enabled" : "disabled"));
			}
			return writes.runAndReadBack(calls, () -> reading(route), r -> r.writtenAs(live.selected(), disabled));
		}
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		ScgProperties.Route config = config(route);
		RouteProbes.Expected expected = expectedTarget == null ? new RouteProbes.Expected(null, null, null)
				: expected(target(config, route, expectedTarget));
		Map<String, String> headers = new HashMap<>(config.probeHeaders());
		if (!ScgProperties.blank(properties.probeToken())) {
			headers.put("Authorization", "Bearer " + properties.probeToken());
		}
		URI url = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + config.probePath());
		return probes.run(url, headers, route, expected, policy == null ? DEFAULT_POLICY : policy);
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		if (!KIND.equals(snapshot.gateway())) {
			throw new GatewayException(Reason.REJECTED,
					"snapshot " + snapshot.id() + " is of the " + snapshot.gateway() + " gateway, not scg");
		}
		String route = snapshot.state().route();
		synchronized (lock(route)) {
			ScgRoute live = reading(route);
			String selected = snapshot.state().raw().getOrDefault("selected", "");
			String wanted = selected.isEmpty() ? snapshot.state().activeTarget() : selected;
			SortedSet<String> disabled = new TreeSet<>();
			snapshot.state().targets().stream().filter(t -> !t.enabled()).forEach(t -> disabled.add(t.id()));
			List<ScgCall> calls = callsTo(live, wanted, disabled);
			if (calls.isEmpty()) {
				return ScgWrites.noted(live.state(), "apply", "skipped: the route is already as in snapshot " + snapshot.id());
			}
			if (expectedCurrent != null && !live.state().fingerprint().equals(expectedCurrent.fingerprint())) {
				throw new GatewayException(Reason.DRIFT, DriftReport.describe(route, expectedCurrent, live.state())
						+ ". Snapshot " + snapshot.id() + " was not restored: read the route, then restore or flip again.");
			}
			return writes.runAndReadBack(calls, () -> reading(route), r -> r.writtenAs(wanted, disabled));
		}
	}

	/** Write (unless already written) and refresh (unless already served); nothing when both hold. */
	private static List<ScgCall> callsTo(ScgRoute live, String selected, SortedSet<String> disabled) {
		List<ScgCall> calls = new ArrayList<>();
		if (!live.writtenAs(selected, disabled)) {
			calls.add(ScgCall.save(live.config().idOr(live.name()), live.rewritten(selected, disabled)));
		}
		if (!calls.isEmpty() || !live.live()) {
			calls.add(ScgCall.refresh());
		}
		return calls;
	}

	private ScgRoute reading(String route) {
		ScgProperties.Route config = config(route);
		String id = config.idOr(route);
		JsonNode definition = StreamSupport.stream(actuator.definitions().spliterator(), false)
			.filter(node -> id.equals(node.path("id").asString(null)))
			.findFirst()
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_ROUTE, "route " + route + " (gateway route id " + id
					+ ") is not defined on the gateway at " + actuator.base() + ": create it through POST "
					+ properties.actuatorPath() + "/routes/" + id + " and refresh (routes from the gateway's own"
					+ " configuration cannot be changed through the actuator)"));
		String liveUri = actuator.live(id).map(node -> node.path("uri").asString(null)).orElse(null);
		return ScgRoute.of(route, config, (ObjectNode) definition, liveUri, properties.disabledUri());
	}

	private ScgProperties.Route config(String route) {
		ScgProperties.Route config = route == null ? null : properties.routes().get(route);
		if (config == null) {
			throw new GatewayException(Reason.UNKNOWN_ROUTE, "route " + route + " is not configured for the scg gateway"
					+ " (switchboard.gateway.scg.routes); configured: " + properties.routes().keySet());
		}
		return config;
	}

	private static ScgProperties.Target target(ScgProperties.Route config, String route, String ask) {
		return config.target(ask == null ? "" : ask)
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_TARGET,
					"route " + route + " has no target '" + ask + "' (known: " + ScgRoute.targetsOf(config) + ")"));
	}

	private static RouteProbes.Expected expected(ScgProperties.Target target) {
		return new RouteProbes.Expected(target.servedByOrName(), target.name(), target.uri().toString());
	}

	private Object lock(String route) {
		return routeLocks.computeIfAbsent(route, name -> new Object());
	}

	private static SortedSet<String> without(SortedSet<String> set, String name) {
		SortedSet<String> copy = new TreeSet<>(set);
		copy.remove(name);
		return copy;
	}

	private static SortedSet<String> with(SortedSet<String> set, String name) {
		SortedSet<String> copy = new TreeSet<>(set);
		copy.add(name);
		return copy;
	}

	private static String hash(String route, String from, String to, String summary, List<FlipPlan.PlannedCall> calls,
			String basedOn) {
		List<String> parts = new ArrayList<>(List.of(KIND, route, String.valueOf(from), to, summary, basedOn));
		calls.forEach(call -> parts.add(call.method() + " " + call.path() + " " + call.body()));
		return dev.switchboard.gateway.Fingerprint.of(parts.toArray(String[]::new));
	}
}
