package dev.switchboard.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What differs between the state a change left on a route and the state the route is in now. */
public final class DriftReport {

	private DriftReport() {
	}

	/** One line per difference, e.g. {@code active target: expected openai/gpt-4.1, found anthropic/claude-sonnet-4-5}. */
	public static List<String> between(RouteState expected, RouteState live) {
		List<String> lines = new ArrayList<>();
		if (!Objects.equals(expected.activeTarget(), live.activeTarget())) {
			lines.add("active target: expected " + name(expected.activeTarget()) + ", found " + name(live.activeTarget()));
		}
		Map<String, RouteState.Target> was = index(expected.targets());
		Map<String, RouteState.Target> now = index(live.targets());
		was.forEach((id, target) -> {
			RouteState.Target current = now.get(id);
			if (current == null) {
				lines.add("target " + id + " (" + target.model() + ") was removed");
			}
			else {
				if (!Objects.equals(target.model(), current.model())) {
					lines.add("target " + id + ": model " + target.model() + " → " + current.model());
				}
				if (!Objects.equals(target.apiBase(), current.apiBase())) {
					lines.add("target " + id + ": api base " + Redaction.text(target.apiBase()) + " → "
							+ Redaction.text(current.apiBase()));
				}
				if (target.enabled() != current.enabled()) {
					lines.add("target " + id + " (" + target.model() + ") " + (current.enabled() ? "was enabled" : "was disabled"));
				}
			}
		});
		now.keySet().stream().filter(id -> !was.containsKey(id)).forEach(id -> lines.add("target " + id + " was added"));
		if (lines.isEmpty() && !Objects.equals(expected.fingerprint(), live.fingerprint())) {
			lines.add("the route's configuration changed (fingerprint " + abbreviate(expected.fingerprint()) + " → "
					+ abbreviate(live.fingerprint()) + ")");
		}
		return lines;
	}

	public static String describe(String route, RouteState expected, RouteState live) {
		return route + " changed since Switchboard's last change: " + String.join("; ", between(expected, live));
	}

	private static Map<String, RouteState.Target> index(List<RouteState.Target> targets) {
		return targets.stream().collect(Collectors.toMap(RouteState.Target::id, Function.identity(), (a, b) -> a,
				java.util.LinkedHashMap::new));
	}

	private static String name(String target) {
		return target == null ? "(none: route disabled)" : target;
	}

	private static String abbreviate(String fingerprint) {
		return fingerprint == null ? "?" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
	}
}
