package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;

/**
 * The route name is an alias ({@code router_settings.model_group_alias}) pointing at one target's
 * group; a flip rewrites the whole alias map through {@code POST /config/update} (it replaces the
 * map, so every other alias is written back as read) and must then find it in
 * {@code GET /router/settings}: LiteLLM has dropped that key silently before (PR #36680, #38800).
 * A target whose group is the route itself means "no alias".
 */
final class AliasStrategy implements RouteStrategy {

	private final LiteLlmAdmin admin;

	private final LiteLlmProperties.Route config;

	AliasStrategy(LiteLlmAdmin admin, LiteLlmProperties.Route config) {
		this.admin = admin;
		this.config = config;
	}

	@Override
	public LiteLlmProperties.Strategy kind() {
		return LiteLlmProperties.Strategy.ALIAS;
	}

	@Override
	public LiveRoute read(String route) {
		ObjectNode aliases = aliases(admin.routerSettings());
		String group = groupOf(aliases.path(route), route);
		List<Deployment> all = admin.deployments();
		List<RouteState.Target> targets = new ArrayList<>();
		Map<String, List<Deployment>> behind = new LinkedHashMap<>();
		String active = null;
		for (LiteLlmProperties.Target target : config.targets()) {
			List<Deployment> deployments = all.stream().filter(d -> target.group().equals(d.group())).toList();
			targets.add(new RouteState.Target(target.model(), target.model(), null,
					deployments.stream().anyMatch(d -> !d.blocked())));
			behind.put(target.model(), deployments);
			active = active == null && target.group().equals(group) ? target.model() : active;
		}
		if (active == null) {
			active = "group:" + group;
			List<Deployment> deployments = all.stream().filter(d -> group.equals(d.group())).toList();
			targets.add(new RouteState.Target(active, null, null, deployments.stream().anyMatch(d -> !d.blocked())));
			behind.put(active, deployments);
		}
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("strategy", "alias");
		raw.put("model_group_alias." + route, group);
		String canonical = "alias|" + route + "->" + group + "|" + behind.get(active)
			.stream()
			.map(Deployment::canonical)
			.sorted()
			.collect(Collectors.joining("\n"));
		return new LiveRoute(LiveRoute.state(route, active, targets, canonical, raw), behind);
	}

	@Override
	public List<LiteLlmCall> callsTo(LiveRoute live, Desired desired) {
		String route = live.state().route();
		if (desired.target() == null) {
			throw new GatewayException(Reason.UNSUPPORTED, "route " + route + ": an alias always points somewhere");
		}
		String target = live.target(desired.target());
		if (target.equals(live.state().activeTarget())) {
			return List.of();
		}
		String group = groupOfTarget(target, route);
		ObjectNode aliases = aliases(admin.routerSettings());
		if (group.equals(route)) {
			aliases.remove(route);
		}
		else if (aliases.path(route).isObject()) {
			((ObjectNode) aliases.get(route)).put("model", group);
		}
		else {
			aliases.put(route, group);
		}
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.putObject("router_settings").set("model_group_alias", aliases);
		return List.of(new LiteLlmCall("POST", "/config/update", body));
	}

	@Override
	public Expectation expect(LiveRoute live, String target) {
		List<Deployment> deployments = live.deploymentsOf(target);
		if (deployments.isEmpty()) {
			throw new GatewayException(Reason.UNKNOWN_TARGET,
					"model group " + groupOfTarget(target, live.state().route()) + " has no deployment on LiteLLM");
		}
		return new Expectation(target, deployments.stream().map(Deployment::id).collect(Collectors.toSet()),
				deployments.stream()
					.map(deployment -> Deployment.normalizedBase(deployment.apiBase()))
					.filter(base -> !base.isEmpty())
					.collect(Collectors.toSet()));
	}

	@Override
	public void notReadBack(LiveRoute last, Desired desired) {
		throw new GatewayException(Reason.REJECTED, "LiteLLM answered 200 to /config/update but GET /router/settings"
				+ " still maps " + last.state().route() + " to " + last.state().raw().get("model_group_alias."
						+ last.state().route())
				+ ": the proxy dropped model_group_alias (known /config/update bug); the route was not flipped");
	}

	private String groupOfTarget(String target, String route) {
		return config.targets()
			.stream()
			.filter(t -> t.model().equals(target))
			.map(LiteLlmProperties.Target::group)
			.findFirst()
			.orElseGet(() -> target.startsWith("group:") ? target.substring("group:".length()) : route);
	}

	/** A mutable copy of the alias map (missing or null → empty). */
	private static ObjectNode aliases(JsonNode settings) {
		JsonNode map = settings.path("model_group_alias");
		return map.isObject() ? ((ObjectNode) map).deepCopy() : JsonNodeFactory.instance.objectNode();
	}

	/** An alias value is a group name or {@code {"model": group, "hidden": …}}. */
	private static String groupOf(JsonNode alias, String route) {
		if (alias.isString()) {
			return alias.asString();
		}
		return alias.isObject() ? alias.path("model").asString(route) : route;
	}
}
