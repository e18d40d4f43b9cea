package dev.switchboard.incident.route;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.incident.internal.TimelineStore;
import dev.switchboard.incident.internal.ActionHistory;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.Walk;

/**
 * Makes an authorized route change: claims it once in the database (a double click, a retry or a
 * second replica finds it claimed), writes it on the gateway, reads it back, verifies it with
 * probes, and records each stage in its own short transaction; the gateway is never called while
 * the incident row is locked. Success is only ever claimed on a verified route. A process that dies
 * between the stages leaves a started change that {@link RouteRecovery} finds and reconciles.
 */
@Component
class RouteChangeRunner {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final TimelineStore timeline;

	private final RouteChangeStages stages;

	RouteChangeRunner(IncidentTransactions transactions, Incidents incidents, TimelineStore timeline,
			RouteChangeStages stages) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.timeline = timeline;
		this.stages = stages;
	}

	Applied<Incident> execute(long id, String step, int index, String text, RouteProposal p, Actor actor,
			String requestedBy) {
		Map<String, Object> base = RouteEvents.base(index, text, p);
		if (p.refused()) {
			return record(id, EventType.ACTION_REFUSED, actor, step, RouteEvents.with(base, "result", p.refusal()));
		}
		if (p.nothingToDo()) {
			return record(id, EventType.ACTION_SUCCEEDED, actor, step, RouteEvents.with(base, "result", p.noop()));
		}
		Optional<RouteRun> run = start(id, step, index, text, p, actor, requestedBy);
		return run.isEmpty() ? new Applied<>(incidents.get(id), true) : finish(run.get());
	}

	/**
	 * Claims the change of action {@code index} and records it as started; empty when it was claimed already
	 * (running, or done, or this very request seen before).
	 */
	Optional<RouteRun> start(long id, String step, int index, String text, RouteProposal p, Actor actor,
			String requestedBy) {
		ActionHistory history = ActionHistory.of(timeline.list(id), step, index);
		String attempt = id + ":" + history.visit() + ":" + step + ":" + index + ":" + history.attempts() + ":" + p.hash();
		String gatewayKey = "switchboard-" + Fingerprint.of("incident", attempt).substring(0, 40);
		RouteRun run = new RouteRun(id, step, actor, RouteEvents.run(RouteEvents.base(index, text, p), p, gatewayKey), p,
				gatewayKey);
		Map<String, Object> started = new java.util.LinkedHashMap<>(run.base());
		if (requestedBy != null) {
			started.put("requestedBy", requestedBy);
			started.put("approvedBy", actor.personId());
		}
		started.put("result", "changing the route: " + p.summary());
		Applied<Boolean> claimed = transactions.change(id, "route-change:" + attempt, (incident, change) -> {
			Walk.requireOpen(incident);
			ActionHistory now = ActionHistory.of(timeline.list(id), step, index);
			// the incident may be at a step by an id the runbook has since renamed (an older incident)
			boolean here = step.equals(incident.currentStep()) || incidents.runbook(incident)
				.step(incident.currentStep()).map(s -> s.answersTo(step)).orElse(false);
			if (!here || now.running() || now.succeeded()) {
				return false;
			}
			change.record(EventType.ACTION_STARTED, actor, step, started);
			return true;
		});
		return !claimed.replayed() && Boolean.TRUE.equals(claimed.result()) ? Optional.of(run) : Optional.empty();
	}

	/** Write, read back, verify: the rest of a claimed change. */
	Applied<Incident> finish(RouteRun run) {
		Optional<RouteState> written = stages.write(run);
		if (written.isEmpty()) {
			return new Applied<>(incidents.get(run.incidentId()), false);
		}
		RouteSnapshot after = stages.written(run, written.get(), null);
		return stages.verify(run, after);
	}

	private Applied<Incident> record(long id, EventType type, Actor actor, String step, Map<String, Object> details) {
		return transactions.change(id, null, (incident, change) -> {
			change.record(type, actor, step, details);
			return incident;
		});
	}
}
