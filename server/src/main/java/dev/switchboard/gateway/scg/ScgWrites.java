package dev.switchboard.gateway.scg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.RouteState;

/**
 * Runs a change's calls in order (write the definition, then refresh: a written definition is not
 * served until the gateway refreshes) and reads the route back. A refresh the gateway refuses is a
 * write that is not live, reported as such in {@code raw}, not hidden and not thrown away: verify
 * decides, and a later apply of the same plan only refreshes.
 */
final class ScgWrites {

	private static final int READ_BACK_ATTEMPTS = 3;

	private final ScgActuator actuator;

	ScgWrites(ScgActuator actuator) {
		this.actuator = actuator;
	}

	RouteState runAndReadBack(List<ScgCall> calls, Supplier<ScgRoute> reader, Predicate<ScgRoute> planned) {
		List<String> done = new ArrayList<>();
		String refused = null;
		for (ScgCall call : calls) {
			try {
				if (call.isRefresh()) {
					ScgActuator.Reply reply = actuator.refresh();
					refused = reply.ok() ? null : "the refresh was answered with HTTP " + reply.status();
				}
				else {
					actuator.save(call.routeId(), call.body());
				}
			}
			catch (GatewayException ex) {
				throw partial(ex, done, calls.size());
			}
			done.add(call.toString());
		}
		ScgRoute last = reader.get();
		for (int attempt = 1; attempt < READ_BACK_ATTEMPTS && !(planned.test(last) && last.live()); attempt++) {
			pause(attempt);
			last = reader.get();
		}
		String applied = "written: " + String.join(", ", done) + (refused == null ? "" : "; " + refused);
		String readBack = planned.test(last) && last.live() ? "shows the planned state, served since the refresh"
				: planned.test(last) ? "written, not live: " + last.state().raw().get("live") + " (written, not verified)"
						: "does not show the planned state: " + last.state().raw().get("live");
		return noted(noted(last.state(), "apply", applied), "read_back", readBack);
	}

	static RouteState noted(RouteState state, String key, String value) {
		Map<String, String> raw = new LinkedHashMap<>(state.raw());
		raw.put(key, value);
		return new RouteState(state.route(), state.activeTarget(), state.targets(), state.fingerprint(), raw);
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException(GatewayException.Reason.TIMEOUT, "interrupted while reading the route back", ex);
		}
	}

	private static GatewayException partial(GatewayException failure, List<String> done, int total) {
		if (done.isEmpty()) {
			return failure;
		}
		return new GatewayException(failure.reason(), failure.getMessage() + " — after " + String.join(", ", done)
				+ " (" + done.size() + " of " + total + " calls): the definition may be written but not served"
				+ " until a refresh; read the route back", failure);
	}
}
