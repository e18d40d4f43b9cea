package dev.switchboard.golden.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.switchboard.golden.GoldenRun;

/**
 * The latest golden result of every route and target, from the canary and from the gate after route changes, in
 * memory (each replica keeps its own; a restart starts empty and shows "unknown" until the next run).
 */
@Component
public class RouteHealth {

	private record Key(String route, String target) {
	}

	private final Map<Key, TargetHealth> targets = new ConcurrentHashMap<>();

	private final Map<String, RouteAlert> alerts = new ConcurrentHashMap<>();

	private final Clock clock;

	RouteHealth(Clock clock) {
		this.clock = clock;
	}

	/** Records a run; returns what is now known of its target. */
	public TargetHealth record(GoldenRun run, boolean live) {
		return targets.compute(new Key(run.route(), run.target()), (k, previous) -> {
			boolean failingBefore = previous != null && previous.failingSince() != null;
			return new TargetHealth(run.route(), run.target(), live, run,
					run.passed() ? 0 : (previous == null ? 0 : previous.consecutiveFailures()) + 1,
					run.passed() ? null : failingBefore ? previous.failingSince() : run.at(), null, run.at());
		});
	}

	/** A target the canary could not exercise, and why. */
	public void unchecked(String route, String target, boolean live, String why) {
		targets.put(new Key(route, target), new TargetHealth(route, target, live, null, 0, null, why, clock.instant()));
	}

	/** Every target of {@code route} seen so far, the live one first. */
	public List<TargetHealth> of(String route) {
		List<TargetHealth> out = new ArrayList<>(targets.values().stream().filter(t -> t.route().equals(route)).toList());
		out.sort((a, b) -> a.live() != b.live() ? (a.live() ? -1 : 1) : a.target().compareTo(b.target()));
		return out;
	}

	public List<TargetHealth> all() {
		return List.copyOf(targets.values());
	}

	/** The latest run on the target that served {@code route} when it ran. */
	public Optional<GoldenRun> latestLive(String route) {
		return targets.values().stream().filter(t -> t.route().equals(route) && t.live() && t.last() != null)
			.map(TargetHealth::last)
			.max((a, b) -> a.at().compareTo(b.at()));
	}

	public Optional<TargetHealth> target(String route, String target) {
		return Optional.ofNullable(targets.get(new Key(route, target)));
	}

	public Optional<RouteAlert> alert(String route) {
		return Optional.ofNullable(alerts.get(route));
	}

	public List<RouteAlert> alerts() {
		return List.copyOf(alerts.values());
	}

	/** Raises the route's alert unless one is open; true when this call raised it. */
	boolean raise(RouteAlert alert) {
		return alerts.putIfAbsent(alert.route(), alert) == null;
	}

	Optional<RouteAlert> clear(String route) {
		return Optional.ofNullable(alerts.remove(route));
	}
}
