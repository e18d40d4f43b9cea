package dev.switchboard.gateway.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.RouteState;

/** A route as the sandbox gateway stores it: the selected target and every target with its upstream behaviour. */
record SandboxRoute(String route, String selected, List<Target> targets) {

	SandboxRoute {
		targets = List.copyOf(targets);
	}

	record Target(String id, int position, String model, String apiBase, boolean enabled, Behaviour behaviour) {
	}

	Optional<Target> target(String idOrModel) {
		return targets.stream().filter(t -> t.id().equals(idOrModel)).findFirst()
			.or(() -> targets.stream().filter(t -> t.model().equals(idOrModel)).findFirst());
	}

	String fingerprint() {
		return Fingerprint.ofRoute(route, selected, portTargets());
	}

	RouteState toState() {
		Target chosen = target(selected).orElse(null);
		String active = chosen != null && chosen.enabled() ? chosen.model() : null;
		return new RouteState(route, active, portTargets(), fingerprint(), Map.of("adapter", "sandbox", "selected", selected));
	}

	private List<RouteState.Target> portTargets() {
		return targets.stream().map(t -> new RouteState.Target(t.id(), t.model(), t.apiBase(), t.enabled())).toList();
	}
}
