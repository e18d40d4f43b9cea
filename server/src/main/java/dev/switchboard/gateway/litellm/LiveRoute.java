package dev.switchboard.gateway.litellm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;

/**
 * A route as read from the proxy: the public state plus the deployments behind each target (with
 * their unredacted api bases, kept inside the adapter).
 *
 * @param deployments deployments behind each target id
 */
record LiveRoute(RouteState state, Map<String, List<Deployment>> deployments) {

	LiveRoute {
		deployments = Map.copyOf(deployments);
	}

	/** The canonical target id for {@code ask}: a target id or model, or a deployment id behind it. */
	String target(String ask) {
		if (ask == null || ask.isBlank()) {
			throw new GatewayException(Reason.UNKNOWN_TARGET, "route " + state.route() + ": no target given");
		}
		for (RouteState.Target target : state.targets()) {
			if (target.id().equalsIgnoreCase(ask) || ask.equalsIgnoreCase(target.model())) {
				return target.id();
			}
		}
		for (Map.Entry<String, List<Deployment>> entry : deployments.entrySet()) {
			if (entry.getValue().stream().anyMatch(deployment -> ask.equals(deployment.id()))) {
				return entry.getKey();
			}
		}
		String known = state.targets().stream().map(RouteState.Target::id).collect(Collectors.joining(", "));
		throw new GatewayException(Reason.UNKNOWN_TARGET,
				"route " + state.route() + " has no target '" + ask + "' (known: " + known + ")");
	}

	List<Deployment> deploymentsOf(String target) {
		return deployments.getOrDefault(target, List.of());
	}

	/** Builds a state whose fingerprint digests {@code canonical} (never shown). */
	static RouteState state(String route, String active, List<RouteState.Target> targets, String canonical,
			Map<String, String> raw) {
		return new RouteState(route, active, targets, digest(canonical).substring(0, 16), raw);
	}

	static RouteState withRaw(RouteState state, String key, String value) {
		Map<String, String> raw = new LinkedHashMap<>(state.raw());
		raw.put(key, value);
		return new RouteState(state.route(), state.activeTarget(), state.targets(), state.fingerprint(), raw);
	}

	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
