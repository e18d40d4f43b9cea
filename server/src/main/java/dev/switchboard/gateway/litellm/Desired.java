package dev.switchboard.gateway.litellm;

import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.gateway.RouteState;

/**
 * Where a write must take a route: the target serving traffic, and which targets are enabled.
 *
 * @param target the target traffic must go to; null for "none" (a route restored to disabled)
 * @param enabled targets that must be in service (block strategy: all others are blocked)
 */
record Desired(String target, Set<String> enabled) {

	Desired {
		enabled = Set.copyOf(enabled);
	}

	static Desired flip(String target) {
		return new Desired(target, Set.of(target));
	}

	/** As the route was when {@code state} was read (restore). */
	static Desired of(RouteState state) {
		return new Desired(state.activeTarget(), state.targets()
			.stream()
			.filter(RouteState.Target::enabled)
			.map(RouteState.Target::id)
			.collect(Collectors.toSet()));
	}
}
