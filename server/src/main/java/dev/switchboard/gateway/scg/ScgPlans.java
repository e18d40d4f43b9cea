package dev.switchboard.gateway.scg;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/**
 * The calls a change needs and the plans that show them. An approval is bound to a plan's hash,
 * and apply refuses a plan that does not match it.
 */
final class ScgPlans {

	private ScgPlans() {
	}

	/** Write (unless already written) and refresh (unless already served); nothing when both hold. */
	static List<ScgCall> callsTo(ScgRoute live, String selected, SortedSet<String> disabled) {
		List<ScgCall> calls = new ArrayList<>();
		if (!live.writtenAs(selected, disabled)) {
			calls.add(ScgCall.save(live.config().idOr(live.name()), live.rewritten(selected, disabled)));
		}
		if (!calls.isEmpty() || !live.live()) {
			calls.add(ScgCall.refresh());
		}
		return calls;
	}

	static FlipPlan of(ScgRoute live, String to, List<ScgCall> calls, String actuatorPath) {
		String route = live.name();
		String from = live.active() == null ? "(disabled)" : live.active();
		String how = calls.isEmpty() ? " (already there: no change)"
				: calls.size() == 1 ? " (written earlier, not served yet: refresh only)"
						: " (SCG route " + live.config().idOr(route) + ": uri rewrite, then refresh)";
		String summary = route + ": " + from + " → " + to + how;
		List<FlipPlan.PlannedCall> planned = calls.stream().map(call -> call.planned(actuatorPath)).toList();
		String basedOn = live.state().fingerprint();
		return new FlipPlan(ScgGateway.KIND, route, from, to, summary, planned, basedOn,
				hash(route, from, to, summary, planned, basedOn));
	}

	/** Refuses another gateway's plan, or one edited after it was made. */
	static void requireIntact(FlipPlan plan) {
		if (!ScgGateway.KIND.equals(plan.gateway())
				|| !hash(plan.route(), plan.from(), plan.to(), plan.summary(), plan.calls(), plan.basedOn()).equals(plan.hash())) {
			throw new GatewayException(Reason.REJECTED, "plan " + plan.summary() + " is not an intact scg plan: refused");
		}
	}

	private static String hash(String route, String from, String to, String summary, List<FlipPlan.PlannedCall> calls,
			String basedOn) {
		List<String> parts = new ArrayList<>(List.of(ScgGateway.KIND, route, String.valueOf(from), to, summary, basedOn));
		calls.forEach(call -> parts.add(call.method() + " " + call.path() + " " + call.body()));
		return Fingerprint.of(parts.toArray(String[]::new));
	}
}
