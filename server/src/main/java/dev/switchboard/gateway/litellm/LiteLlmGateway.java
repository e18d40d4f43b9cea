package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

/**
 * A LiteLLM proxy driven through its admin API (contract as of LiteLLM v1.81–v1.100, see
 * {@code shared/notes/gateway-contract.md}). Every write is preceded by a read: when the route is
 * already as planned nothing is written, which is what makes a repeated apply (another click,
 * a retry, another Switchboard replica, a restart) change the proxy once; the idempotency keys
 * kept in memory only add a refusal of a key reused for a different plan.
 */
public final class LiteLlmGateway implements Gateway {

	private final LiteLlmProperties properties;

	private final LiteLlmHttp http;

	private final RouteStrategies strategies;

	private final ProxyFacts facts;

	private final LiteLlmWrites writes;

	private final Probes probes;

	private final Map<String, String> appliedKeys = new ConcurrentHashMap<>();

	private final Map<String, Object> routeLocks = new ConcurrentHashMap<>();

	public LiteLlmGateway(LiteLlmProperties properties) {
		this.properties = Objects.requireNonNull(properties);
		if (properties.baseUrl() == null) {
			throw new IllegalArgumentException("switchboard.gateway.litellm.base-url is not set");
		}
		this.http = new LiteLlmHttp(properties);
		this.strategies = new RouteStrategies(new LiteLlmAdmin(http), properties.routes());
		this.facts = new ProxyFacts(http, properties.blockMinVersion());
		this.writes = new LiteLlmWrites(http, properties.readBackAttempts());
		this.probes = new Probes(http, properties.replicaPollInterval());
	}

	@Override
	public String kind() {
		return LiteLlmPlans.KIND;
	}

	@Override
	public boolean production() {
		return true;
	}

	@Override
	public List<RouteState> routes() {
		return properties.routes().keySet().stream().sorted().map(this::read).toList();
	}

	@Override
	public RouteState read(String route) {
		return strategies.of(route).read(route).state();
	}

	@Override
	public FlipPlan plan(String route, String target) {
		RouteStrategy strategy = strategies.of(route);
		LiveRoute live = strategy.read(route);
		String to = live.target(target);
		List<LiteLlmCall> calls = strategy.callsTo(live, Desired.flip(to));
		if (!calls.isEmpty()) {
			requireWritable(strategy, calls, route);
		}
		return LiteLlmPlans.of(route, live.state().activeTarget(), to, strategy.kind().name().toLowerCase(Locale.ROOT), calls,
				live.state().fingerprint());
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		LiteLlmPlans.requireIntact(plan);
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		synchronized (routeLocks.computeIfAbsent(plan.route(), route -> new Object())) {
			String earlier = appliedKeys.get(idempotencyKey);
			if (earlier != null && !earlier.equals(plan.hash())) {
				throw new GatewayException(Reason.REJECTED,
						"idempotency key " + idempotencyKey + " was already used for a different plan");
			}
			RouteStrategy strategy = strategies.of(plan.route());
			LiveRoute live = strategy.read(plan.route());
			Desired desired = Desired.flip(plan.to());
			List<LiteLlmCall> calls = strategy.callsTo(live, desired);
			if (earlier != null || calls.isEmpty()) {
				appliedKeys.put(idempotencyKey, plan.hash());
				return LiveRoute.withRaw(live.state(), "apply",
						earlier != null ? "skipped: key " + idempotencyKey + " was already applied"
								: "skipped: the route is already as planned (nothing written)");
			}
			if (!live.state().fingerprint().equals(plan.basedOn()) || !plannedAs(plan, calls)) {
				throw new GatewayException(Reason.STALE_PLAN, "route " + plan.route() + " changed since the plan was"
						+ " made (now on " + live.state().activeTarget() + "): make a new plan");
			}
			requireWritable(strategy, calls, plan.route());
			RouteState after = writes.runAndReadBack(strategy, calls, desired, plan.route());
			appliedKeys.put(idempotencyKey, plan.hash());
			return after;
		}
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		RouteStrategy strategy = strategies.of(route);
		synchronized (routeLocks.computeIfAbsent(route, name -> new Object())) {
			LiveRoute live = strategy.read(route);
			String id = live.target(target);
			List<Deployment> deployments = live.deploymentsOf(id);
			if (deployments.isEmpty()) {
				throw new GatewayException(Reason.REJECTED,
						"route " + route + ": target " + id + " is not deployed on LiteLLM, so there is nothing to "
								+ (enabled ? "enable" : "disable") + " (flip to it instead)");
			}
			List<LiteLlmCall> calls = new ArrayList<>();
			for (Deployment deployment : deployments) {
				if (deployment.blocked() == enabled) {
					deployment.requireEditable(route);
					calls.add(LiteLlmCall.block(deployment.id(), !enabled));
				}
			}
			if (calls.isEmpty()) {
				return LiveRoute.withRaw(live.state(), "apply", "skipped: " + id + " is already "
						+ (enabled ? "enabled" : "disabled"));
			}
			requireWritable(strategy, calls, route);
			writes.run(calls);
			return LiveRoute.withRaw(strategy.read(route).state(), "apply", "written: " + calls);
		}
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		RouteStrategy strategy = strategies.of(route);
		LiveRoute live = strategy.read(route);
		Expectation expected = strategy.expect(live, live.target(expectedTarget));
		// switchboard.gateway.verify.* is the one verify policy; set its window ≥ the replicas' poll interval
		return probes.run(route, expected, policy);
	}

	/** Through the route only: a LiteLLM deployment cannot be addressed on its own through the proxy. */
	@Override
	public java.util.Optional<dev.switchboard.gateway.ChatEndpoint> chat(String route, String target) {
		if (target != null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new dev.switchboard.gateway.ChatEndpoint(
				java.net.URI.create(http.base() + "/v1/chat/completions"), route,
				Map.of("Authorization", "Bearer " + properties.probeKeyOrMaster()), false));
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		if (!kind().equals(snapshot.gateway())) {
			throw new GatewayException(Reason.REJECTED, "snapshot " + snapshot.id() + " is of the " + snapshot.gateway()
					+ " gateway, not litellm");
		}
		String route = snapshot.state().route();
		RouteStrategy strategy = strategies.of(route);
		synchronized (routeLocks.computeIfAbsent(route, name -> new Object())) {
			LiveRoute live = strategy.read(route);
			Desired desired = Desired.of(snapshot.state());
			List<LiteLlmCall> calls = strategy.callsTo(live, desired);
			if (calls.isEmpty()) {
				return LiveRoute.withRaw(live.state(), "apply", "skipped: the route is already as in snapshot "
						+ snapshot.id());
			}
			if (expectedCurrent != null && !live.state().fingerprint().equals(expectedCurrent.fingerprint())) {
				throw new GatewayException(Reason.DRIFT, Drift.report(route, snapshot, expectedCurrent, live.state()));
			}
			requireWritable(strategy, calls, route);
			return writes.runAndReadBack(strategy, calls, desired, route);
		}
	}

	private void requireWritable(RouteStrategy strategy, List<LiteLlmCall> calls, String route) {
		facts.requireWritable(strategy.kind(), calls.stream().anyMatch(LiteLlmCall::usesBlockEndpoints), route);
	}

	private static boolean plannedAs(FlipPlan plan, List<LiteLlmCall> calls) {
		return plan.calls().equals(calls.stream().map(LiteLlmCall::planned).toList());
	}
}
