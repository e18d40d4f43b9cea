package dev.switchboard.gateway.scg;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

	private final ScgRoutes routes;

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
		ScgActuator actuator = new ScgActuator(properties, http);
		this.routes = new ScgRoutes(properties, actuator);
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
		return routes.read(route).state();
	}

	@Override
	public FlipPlan plan(String route, String target) {
		ScgRoute live = routes.read(route);
		String to = ScgRoutes.target(live.config(), route, target).name();
		return ScgPlans.of(live, to, ScgPlans.callsTo(live, to, without(live.disabled(), to)), properties.actuatorPath());
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		ScgPlans.requireIntact(plan);
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		synchronized (lock(plan.route())) {
			String earlier = appliedKeys.get(idempotencyKey);
			if (earlier != null && !earlier.equals(plan.hash())) {
				throw new GatewayException(Reason.REJECTED,
						"idempotency key " + idempotencyKey + " was already used for a different plan");
			}
			ScgRoute live = routes.read(plan.route());
			SortedSet<String> disabled = without(live.disabled(), plan.to());
			List<ScgCall> calls = ScgPlans.callsTo(live, plan.to(), disabled);
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
			RouteState after = writes.runAndReadBack(calls, () -> routes.read(plan.route()),
					route -> route.writtenAs(plan.to(), disabled));
			appliedKeys.put(idempotencyKey, plan.hash());
			return after;
		}
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		synchronized (lock(route)) {
			ScgRoute live = routes.read(route);
			String name = ScgRoutes.target(live.config(), route, target).name();
			SortedSet<String> disabled = enabled ? without(live.disabled(), name) : with(live.disabled(), name);
			List<ScgCall> calls = ScgPlans.callsTo(live, live.selected(), disabled);
			if (calls.isEmpty()) {
				return ScgWrites.noted(live.state(), "apply", "skipped: " + name + " is already "
						+ (enabled ? "enabled" : "disabled"));
			}
			return writes.runAndReadBack(calls, () -> routes.read(route), r -> r.writtenAs(live.selected(), disabled));
		}
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		ScgProperties.Route config = routes.config(route);
		RouteProbes.Expected expected = expectedTarget == null ? new RouteProbes.Expected(null, null, null)
				: expected(ScgRoutes.target(config, route, expectedTarget));
		Map<String, String> headers = new HashMap<>(config.probeHeaders());
		if (!ScgProperties.blank(properties.probeToken())) {
			headers.put("Authorization", "Bearer " + properties.probeToken());
		}
		URI url = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + config.probePath());
		return probes.run(url, headers, route, expected, policy == null ? DEFAULT_POLICY : policy);
	}

	/** Through the route only: the gateway has no way to send one request to a target that is not its uri. */
	@Override
	public java.util.Optional<dev.switchboard.gateway.ChatEndpoint> chat(String route, String target) {
		if (target != null) {
			return java.util.Optional.empty();
		}
		ScgProperties.Route config = routes.config(route);
		Map<String, String> headers = new HashMap<>(config.probeHeaders());
		if (!ScgProperties.blank(properties.probeToken())) {
			headers.put("Authorization", "Bearer " + properties.probeToken());
		}
		URI url = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + config.probePath());
		return java.util.Optional.of(new dev.switchboard.gateway.ChatEndpoint(url, route, headers, false));
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		if (!KIND.equals(snapshot.gateway())) {
			throw new GatewayException(Reason.REJECTED,
					"snapshot " + snapshot.id() + " is of the " + snapshot.gateway() + " gateway, not scg");
		}
		String route = snapshot.state().route();
		synchronized (lock(route)) {
			ScgRoute live = routes.read(route);
			String selected = snapshot.state().raw().getOrDefault("selected", "");
			String wanted = selected.isEmpty() ? snapshot.state().activeTarget() : selected;
			SortedSet<String> disabled = new TreeSet<>();
			snapshot.state().targets().stream().filter(t -> !t.enabled()).forEach(t -> disabled.add(t.id()));
			List<ScgCall> calls = ScgPlans.callsTo(live, wanted, disabled);
			if (calls.isEmpty()) {
				return ScgWrites.noted(live.state(), "apply", "skipped: the route is already as in snapshot " + snapshot.id());
			}
			if (expectedCurrent != null && !live.state().fingerprint().equals(expectedCurrent.fingerprint())) {
				throw new GatewayException(Reason.DRIFT, DriftReport.describe(route, expectedCurrent, live.state())
						+ ". Snapshot " + snapshot.id() + " was not restored: read the route, then restore or flip again.");
			}
			return writes.runAndReadBack(calls, () -> routes.read(route), r -> r.writtenAs(wanted, disabled));
		}
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
}
