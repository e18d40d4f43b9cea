package dev.switchboard.incident.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.golden.ContentGate;
import dev.switchboard.golden.GoldenProperties;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.runbook.ActionCommand;

/**
 * The second half of verifying a route change, after its probes: the route's golden set through the gateway
 * (recorded as a {@code golden-checked} event with one line per case), and, when verification fails, the
 * automatic roll back of a flip or disable to the snapshot taken just before it (written, read back and verified
 * like any change) unless its runbook action ends in {@code keep-on-failure}. Its texts end the change's result
 * with where the route is now.
 */
@Component
class RouteContentGate {

	private final ContentGate gate;

	private final GoldenProperties properties;

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final RouteChanges changes;

	private final ObjectProvider<RouteUndo> undo;

	RouteContentGate(ContentGate gate, GoldenProperties properties, IncidentTransactions transactions,
			Incidents incidents, RouteChanges changes, ObjectProvider<RouteUndo> undo) {
		this.gate = gate;
		this.properties = properties;
		this.transactions = transactions;
		this.incidents = incidents;
		this.changes = changes;
		this.undo = undo;
	}

	/** Runs the golden set once the probes verified the change (no money is spent on a route the probes failed). */
	ContentGate.Verdict check(RouteRun run, Verification probes) {
		if (probes.outcome() != Verification.Outcome.VERIFIED) {
			return new ContentGate.Verdict(false, "content not checked (probes failed)", null, null);
		}
		RouteProposal p = run.proposal();
		ContentGate.Verdict verdict;
		try {
			verdict = gate.check(p.gateway(), p.command().route(), p.expectedAfter());
		}
		catch (RuntimeException ex) {
			verdict = new ContentGate.Verdict(false, "the golden set could not run: " + ex.getMessage(), null, null);
		}
		ContentGate.Verdict recorded = verdict;
		if (verdict.run() != null || !verdict.passed()) {
			transactions.change(run.incidentId(), "route-golden:" + run.gatewayKey(), (incident, change) -> {
				Map<String, Object> details = new LinkedHashMap<>(run.base());
				details.putAll(recorded.details());
				details.put("result", RouteEvents.with(Map.of(), "x", recorded.text()).get("x"));
				change.record(EventType.GOLDEN_CHECKED, run.actor(), run.step(), details);
				return incident;
			});
		}
		return verdict;
	}

	/**
	 * After a failed verification: rolls the change back when it may be, and says where the route is now
	 * ("rolled back automatically: back on openai/gpt-4.1, verified", "still on … because …").
	 */
	String afterFailure(RouteRun run) {
		RouteProposal p = run.proposal();
		String route = p.command().route();
		String now = "still on " + live(p);
		if (run.base().containsKey("undoes") || !p.command().leased()) {
			return now + " (a restore, roll back or revert is not undone automatically)";
		}
		if (String.valueOf(run.base().get("text")).strip().endsWith(" " + ActionCommand.KEEP_ON_FAILURE)) {
			return now + ": the runbook action keeps a failed change (" + ActionCommand.KEEP_ON_FAILURE + "); roll it back by hand";
		}
		if (!properties.rollbackOnFailure()) {
			return now + ": automatic roll back is off (switchboard.golden.rollback-on-failure); roll it back by hand";
		}
		FlipLease lease;
		try {
			lease = changes.leaseOf(run.incidentId(), route);
		}
		catch (IncidentException ex) {
			return now + ": no change of this incident is in effect on " + route + " to roll back";
		}
		Map<String, Object> extra = Map.of("automatic", "verification failed");
		undo.getObject().run(run.incidentId(), new RouteUndo.Undo(lease, true, run.actor(), "gateway rollback " + route
				+ " (automatic: verification failed)", extra), null, null);
		Optional<TimelineEvent> verdict = verdictOf(incidents.timeline(run.incidentId()), lease.id());
		if (verdict.isEmpty()) {
			return "automatic roll back started; " + now;
		}
		TimelineEvent v = verdict.get();
		return switch (v.type()) {
			case ACTION_SUCCEEDED -> "rolled back automatically: back on " + live(p) + ", verified";
			case ACTION_REFUSED -> "automatic roll back refused (" + v.detail("result") + "); " + now;
			default -> "automatic roll back failed (" + v.detail("result") + "); " + now;
		};
	}

	private static Optional<TimelineEvent> verdictOf(List<TimelineEvent> timeline, long lease) {
		TimelineEvent last = null;
		for (TimelineEvent e : timeline) {
			if (String.valueOf(lease).equals(e.detail("undoes.lease")) && (e.type() == EventType.ACTION_SUCCEEDED
					|| e.type() == EventType.ACTION_FAILED || e.type() == EventType.ACTION_REFUSED)) {
				last = e;
			}
		}
		return Optional.ofNullable(last);
	}

	private static String live(RouteProposal p) {
		return RouteChangeStages.read(p).map(RouteState::activeTarget).map(t -> t == null ? "(disabled)" : t)
			.orElse("an unknown target (the route could not be read back)");
	}
}
