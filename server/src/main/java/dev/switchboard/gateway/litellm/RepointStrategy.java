package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;

/**
 * The group has one DB deployment; a flip PATCHes its {@code litellm_params} (model, api_base,
 * api_key) to the target's, via {@code PATCH /model/{id}/update} (partial merge). Snapshot = the
 * old params; the targets' params come from configuration, so a restore never writes a redacted value.
 */
final class RepointStrategy implements RouteStrategy {

	private final LiteLlmAdmin admin;

	private final LiteLlmProperties.Route config;

	RepointStrategy(LiteLlmAdmin admin, LiteLlmProperties.Route config) {
		this.admin = admin;
		this.config = config;
	}

	@Override
	public LiteLlmProperties.Strategy kind() {
		return LiteLlmProperties.Strategy.REPOINT;
	}

	@Override
	public LiveRoute read(String route) {
		Deployment deployment = find(route);
		String active = null;
		for (LiteLlmProperties.Target target : config.targets()) {
			if (same(target, deployment) && active == null) {
				active = target.model();
			}
		}
		List<RouteState.Target> targets = new ArrayList<>();
		Map<String, List<Deployment>> behind = new LinkedHashMap<>();
		if (active == null) {
			active = deployment.model();
			targets.add(new RouteState.Target(active, deployment.model(), Redaction.url(deployment.apiBase()),
					!deployment.blocked()));
		}
		behind.put(active, List.of(deployment));
		for (LiteLlmProperties.Target target : config.targets()) {
			boolean serving = target.model().equals(active);
			targets.add(new RouteState.Target(target.model(), target.model(), Redaction.url(target.apiBase()),
					!serving || !deployment.blocked()));
		}
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("strategy", "repoint");
		raw.put("deployment." + deployment.id(), deployment.describe());
		return new LiveRoute(LiveRoute.state(route, deployment.blocked() ? null : active, targets,
				"repoint|" + deployment.canonical(), raw), behind);
	}

	@Override
	public List<LiteLlmCall> callsTo(LiveRoute live, Desired desired) {
		Deployment deployment = live.deployments().values().iterator().next().get(0);
		List<LiteLlmCall> calls = new ArrayList<>();
		if (desired.target() == null) {
			if (!deployment.blocked()) {
				deployment.requireEditable(live.state().route());
				calls.add(LiteLlmCall.block(deployment.id(), true));
			}
			return calls;
		}
		LiteLlmProperties.Target target = configured(desired.target(), live.state().route());
		if (!same(target, deployment)) {
			ObjectNode params = JsonNodeFactory.instance.objectNode()
				.put("model", target.model())
				.put("api_base", target.apiBase());
			if (target.apiKey() != null && !target.apiKey().isBlank()) {
				params.put("api_key", target.apiKey());
			}
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			body.set("litellm_params", params);
			calls.add(new LiteLlmCall("PATCH", "/model/" + deployment.id() + "/update", body));
		}
		if (deployment.blocked() && desired.enabled().contains(desired.target())) {
			calls.add(LiteLlmCall.block(deployment.id(), false));
		}
		if (!calls.isEmpty()) {
			deployment.requireEditable(live.state().route());
		}
		return calls;
	}

	@Override
	public Expectation expect(LiveRoute live, String target) {
		Deployment deployment = live.deployments().values().iterator().next().get(0);
		String base = configured(target, live.state().route()).apiBase();
		return new Expectation(target, Set.of(deployment.id()), Set.of(Deployment.normalizedBase(base)));
	}

	private Deployment find(String route) {
		Deployment deployment;
		if (config.deploymentId() != null) {
			deployment = admin.deployment(config.deploymentId())
				.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_ROUTE,
						"LiteLLM has no deployment " + config.deploymentId() + " (configured for route " + route + ")"));
		}
		else {
			List<Deployment> group = admin.deployments().stream().filter(d -> route.equals(d.group())).toList();
			if (group.size() != 1) {
				throw new GatewayException(group.isEmpty() ? Reason.UNKNOWN_ROUTE : Reason.REJECTED, "route " + route
						+ " has " + group.size() + " deployments on LiteLLM; repoint needs exactly one"
						+ " (set deployment-id, or use the block strategy for a primary/secondary pair)");
			}
			deployment = group.get(0);
		}
		return deployment;
	}

	private LiteLlmProperties.Target configured(String model, String route) {
		return config.targets()
			.stream()
			.filter(target -> target.model().equals(model))
			.findFirst()
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_TARGET, "route " + route + ": target " + model
					+ " is not configured (switchboard.gateway.litellm.routes." + route + ".targets), so its"
					+ " api_base and key are unknown"));
	}

	private static boolean same(LiteLlmProperties.Target target, Deployment deployment) {
		return target.model().equals(deployment.model())
				&& Deployment.normalizedBase(target.apiBase()).equals(Deployment.normalizedBase(deployment.apiBase()));
	}
}
