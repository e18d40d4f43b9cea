package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;

/** Why a restore is refused: what changed on the route since Switchboard last saw it. */
final class Drift {

	private Drift() {
	}

	static String report(String route, RouteSnapshot snapshot, RouteState expected, RouteState live) {
		List<String> changes = new ArrayList<>();
		if (!Objects.equals(expected.activeTarget(), live.activeTarget())) {
			changes.add("serving " + live.activeTarget() + " instead of " + expected.activeTarget());
		}
		Map<String, RouteState.Target> before = byId(expected);
		Map<String, RouteState.Target> now = byId(live);
		now.forEach((id, target) -> {
			RouteState.Target was = before.get(id);
			if (was == null) {
				changes.add("new target " + id);
			}
			else if (was.enabled() != target.enabled()) {
				changes.add(id + (target.enabled() ? " was enabled" : " was disabled"));
			}
			else if (!Objects.equals(was.apiBase(), target.apiBase())) {
				changes.add(id + " api_base changed to " + target.apiBase());
			}
		});
		before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id -> changes.add("target " + id + " is gone"));
		live.raw().forEach((key, value) -> {
			if (!Objects.equals(expected.raw().get(key), value) && !key.equals("apply") && !key.equals("read_back")) {
				changes.add(key + ": " + expected.raw().get(key) + " → " + value);
			}
		});
		if (changes.isEmpty()) {
			changes.add("its parameters changed (fingerprint " + expected.fingerprint() + " → " + live.fingerprint() + ")");
		}
		return "route " + route + " was changed by someone else since Switchboard last read it, so snapshot "
				+ snapshot.id() + " was not restored (it would overwrite that change): " + String.join("; ", changes)
				+ ". Read the route and decide, then restore or flip again.";
	}

	private static Map<String, RouteState.Target> byId(RouteState state) {
		return state.targets().stream().collect(Collectors.toMap(RouteState.Target::id, Function.identity(), (a, b) -> a));
	}
}
