package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;

/**
 * Primary and secondary are deployments of one group, the standby kept blocked. A flip unblocks
 * the target first, then blocks the others ({@code POST /model/unblock}, {@code /model/block};
 * LiteLLM ≥ mid-2026), so the group is never fully blocked on the way. A target is named by its
 * {@code provider/model}, or {@code model@deploymentId} when two deployments share a model.
 */
final class BlockStrategy implements RouteStrategy {

	private final LiteLlmAdmin admin;

	BlockStrategy(LiteLlmAdmin admin) {
		this.admin = admin;
	}

	@Override
	public LiteLlmProperties.Strategy kind() {
		return LiteLlmProperties.Strategy.BLOCK;
	}

	@Override
	public LiveRoute read(String route) {
		List<Deployment> group = admin.deployments()
			.stream()
			.filter(deployment -> route.equals(deployment.group()))
			.sorted(Comparator.comparing(Deployment::id))
			.toList();
		if (group.isEmpty()) {
			throw new GatewayException(Reason.UNKNOWN_ROUTE, "LiteLLM has no model group " + route);
		}
		Map<String, Long> perModel = group.stream().collect(Collectors.groupingBy(Deployment::model, Collectors.counting()));
		List<RouteState.Target> targets = new ArrayList<>();
		Map<String, List<Deployment>> behind = new LinkedHashMap<>();
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("strategy", "block");
		StringBuilder canonical = new StringBuilder("block");
		for (Deployment deployment : group) {
			String id = perModel.get(deployment.model()) > 1 ? deployment.model() + "@" + deployment.id()
					: deployment.model();
			targets.add(new RouteState.Target(id, deployment.model(), Redaction.url(deployment.apiBase()),
					!deployment.blocked()));
			behind.put(id, List.of(deployment));
			raw.put("deployment." + deployment.id(), deployment.describe());
			canonical.append('\n').append(deployment.canonical());
		}
		List<String> serving = targets.stream().filter(RouteState.Target::enabled).map(RouteState.Target::id).toList();
		String active = serving.isEmpty() ? null : String.join(" + ", serving);
		return new LiveRoute(LiveRoute.state(route, active, targets, canonical.toString(), raw), behind);
	}

	@Override
	public List<LiteLlmCall> callsTo(LiveRoute live, Desired desired) {
		List<LiteLlmCall> unblocks = new ArrayList<>();
		List<LiteLlmCall> blocks = new ArrayList<>();
		for (Map.Entry<String, List<Deployment>> entry : live.deployments().entrySet()) {
			boolean wanted = desired.enabled().contains(entry.getKey());
			for (Deployment deployment : entry.getValue()) {
				if (wanted && deployment.blocked()) {
					deployment.requireEditable(live.state().route());
					unblocks.add(LiteLlmCall.block(deployment.id(), false));
				}
				else if (!wanted && !deployment.blocked()) {
					deployment.requireEditable(live.state().route());
					blocks.add(LiteLlmCall.block(deployment.id(), true));
				}
			}
		}
		for (String target : desired.enabled()) {
			live.target(target);
		}
		unblocks.addAll(blocks);
		return unblocks;
	}

	@Override
	public Expectation expect(LiveRoute live, String target) {
		List<Deployment> deployments = live.deploymentsOf(target);
		return new Expectation(target, deployments.stream().map(Deployment::id).collect(Collectors.toSet()),
				deployments.stream()
					.map(deployment -> Deployment.normalizedBase(deployment.apiBase()))
					.filter(base -> !base.isEmpty())
					.collect(Collectors.toSet()));
	}
}
