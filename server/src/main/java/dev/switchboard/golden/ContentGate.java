package dev.switchboard.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.ChatEndpoint;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.golden.health.RouteHealth;

/**
 * The content half of verifying a route change: the route's golden set sent through the gateway on the changed
 * route, judged against its threshold. A route without a golden set (or on a gateway that cannot carry the cases)
 * passes on probes alone and says so: "no golden set: content not checked".
 */
@Component
public class ContentGate {

	/**
	 * @param passed whether content allows the change to count as verified
	 * @param text one line for the change's result ("golden set 4/4 passed (needs 3)", "no golden set: content not checked")
	 * @param run the run, when one was made
	 * @param before the latest canary run of the route before the change, when there was one (postmortem evidence)
	 */
	public record Verdict(boolean passed, String text, GoldenRun run, GoldenRun before) {

		static Verdict unchecked(String why) {
			return new Verdict(true, why, null, null);
		}

		/** Timeline details: the run's counts, cost and per-case lines, and what the canary saw before. */
		public Map<String, Object> details() {
			Map<String, Object> d = new LinkedHashMap<>();
			if (run != null) {
				d.putAll(run.details());
			}
			d.put("goldenSummary", text);
			if (before != null) {
				d.put("goldenBefore", before.target() + ": " + before.passedCount() + "/" + before.cases().size()
						+ " at " + before.at());
			}
			return d;
		}
	}

	private final GoldenSets sets;

	private final GoldenRunner runner;

	private final RouteHealth health;

	ContentGate(GoldenSets sets, GoldenRunner runner, RouteHealth health) {
		this.sets = sets;
		this.runner = runner;
		this.health = health;
	}

	/** Sends {@code route}'s golden set through {@code gateway}, which should now serve it with {@code expectedTarget}. */
	public Verdict check(Gateway gateway, String route, String expectedTarget) {
		Optional<GoldenSet> set = sets.forRoute(route);
		if (set.isEmpty()) {
			return Verdict.unchecked("no golden set: content not checked");
		}
		if (expectedTarget == null) {
			return Verdict.unchecked("route disabled: no content to check");
		}
		Optional<ChatEndpoint> endpoint = gateway.chat(route, null);
		if (endpoint.isEmpty()) {
			return Verdict.unchecked("the " + gateway.kind() + " gateway cannot carry golden cases: content not checked");
		}
		GoldenRun before = health.latestLive(route).orElse(null);
		GoldenRun run = runner.run(set.get(), route, expectedTarget, endpoint.get(), "verify");
		health.record(run, true);
		String text = run.summary();
		if (!run.passed()) {
			text += ": " + String.join("; ", run.cases().stream().filter(c -> !c.passed()).limit(3).map(CaseResult::line).toList());
		}
		return new Verdict(run.passed(), text, run, before);
	}
}
