package dev.switchboard.gateway.litellm;

import java.util.List;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/** Plans and their hash: an approval is bound to the hash, and apply refuses a plan that does not match it. */
final class LiteLlmPlans {

	static final String KIND = "litellm";

	private LiteLlmPlans() {
	}

	static FlipPlan of(String route, String from, String to, String strategy, List<LiteLlmCall> calls, String basedOn) {
		List<FlipPlan.PlannedCall> planned = calls.stream().map(LiteLlmCall::planned).toList();
		String summary = route + ": " + (from == null ? "(disabled)" : from) + " → " + to
				+ (calls.isEmpty() ? " (already there: no change)" : " (" + strategy + ")");
		return new FlipPlan(KIND, route, from, to, summary, planned, basedOn,
				hash(route, from, to, summary, planned, basedOn));
	}

	/** Refuses a plan edited after it was made (its hash no longer matches its content). */
	static void requireIntact(FlipPlan plan) {
		if (!KIND.equals(plan.gateway())) {
			throw new GatewayException(Reason.REJECTED,
					"plan " + plan.summary() + " is for the " + plan.gateway() + " gateway, not litellm");
		}
		String expected = hash(plan.route(), plan.from(), plan.to(), plan.summary(), plan.calls(), plan.basedOn());
		if (!expected.equals(plan.hash())) {
			throw new GatewayException(Reason.REJECTED, "plan " + plan.summary() + " does not match its hash: refused");
		}
	}

	static String hash(String route, String from, String to, String summary, List<FlipPlan.PlannedCall> calls,
			String basedOn) {
		StringBuilder text = new StringBuilder(KIND).append('\0').append(route).append('\0').append(from);
		text.append('\0').append(to).append('\0').append(summary).append('\0').append(basedOn);
		for (FlipPlan.PlannedCall call : calls) {
			text.append('\0').append(call.method()).append(' ').append(call.path()).append(' ').append(call.body());
		}
		return LiveRoute.digest(text.toString());
	}
}
