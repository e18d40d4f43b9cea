package dev.switchboard.gateway;

import java.util.List;
import java.util.Map;

/**
 * A route as the gateway serves it now.
 *
 * @param route the public model group / route name apps call (stable across flips)
 * @param activeTarget the target serving traffic ({@code provider/model}), or null when disabled
 * @param targets every target the gateway knows for the route, with its state
 * @param fingerprint a stable digest of the state that matters, to detect drift
 * @param raw adapter-specific facts for the timeline, already redacted
 */
public record RouteState(String route, String activeTarget, List<Target> targets, String fingerprint,
		Map<String, String> raw) {

	public RouteState {
		targets = List.copyOf(targets);
		raw = Map.copyOf(raw);
	}

	/** One deployment of a route. */
	public record Target(String id, String model, String apiBase, boolean enabled) {
	}
}
