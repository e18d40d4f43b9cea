package dev.switchboard.golden.health;

import java.time.Instant;
import java.util.List;

/**
 * A live route whose golden set failed {@code failuresToAlert} canary runs in a row: its owners are told, with the
 * evidence and the runbook that covers silent degradation. Declaring an incident stays a human decision.
 *
 * @param evidence the failing cases of the latest run (expected vs got, trimmed)
 * @param runbook the runbook offered (the service's runbook for format drift, when it has one)
 */
public record RouteAlert(String route, String service, String team, String target, int failedRuns, String summary,
		List<String> evidence, String runbook, Instant raisedAt) {

	public RouteAlert {
		evidence = List.copyOf(evidence);
	}

	/** Published when the alert is raised: chat adapters tell the owners. */
	public record Raised(RouteAlert alert) {
	}

	/** Published when the route passes again: chat adapters say so where they told the owners. */
	public record Cleared(RouteAlert alert, String summary, Instant at) {
	}
}
