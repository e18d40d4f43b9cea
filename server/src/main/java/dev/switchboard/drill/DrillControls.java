package dev.switchboard.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.switchboard.scenario.InjectedEvent;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;

/** The facilitator's controls: pause, resume, fast-forward to the next injected event, end. */
@Service
public class DrillControls {

	private final Drills drills;

	private final DrillStore store;

	private final DrillInjector injector;

	private final IncidentUpdates updates;

	private final Incidents incidents;

	private final DrillReports reports;

	private final SandboxEffects sandbox;

	private final TransactionTemplate tx;

	DrillControls(Drills drills, DrillStore store, DrillInjector injector, IncidentUpdates updates, Incidents incidents,
			DrillReports reports, SandboxEffects sandbox, TransactionTemplate tx) {
		this.drills = drills;
		this.store = store;
		this.injector = injector;
		this.updates = updates;
		this.incidents = incidents;
		this.reports = reports;
		this.sandbox = sandbox;
		this.tx = tx;
	}

	/** Stops the drill clock: no event fires until {@link #resume}. Pausing a paused drill changes nothing. */
	public Drill pause(long id, Actor actor) {
		return timer(id, actor, DrillStatus.PAUSED);
	}

	public Drill resume(long id, Actor actor) {
		return timer(id, actor, DrillStatus.RUNNING);
	}

	private Drill timer(long id, Actor actor, DrillStatus wanted) {
		tx.executeWithoutResult(status -> {
			Drill d = locked(id);
			if (d.status() == wanted) {
				return;
			}
			Instant now = drills.now();
			Duration at = d.at(now);
			store.timer(id, wanted, at, wanted == DrillStatus.RUNNING ? now : null);
			updates.drillEvent(id, wanted == DrillStatus.PAUSED ? EventType.DRILL_PAUSED : EventType.DRILL_RESUMED, actor,
					Map.of("drill-time", at.toSeconds() + " s"), null);
		});
		if (wanted == DrillStatus.RUNNING) {
			drills.tick(id);
		}
		return drills.get(id);
	}

	/**
	 * Fast-forwards the drill clock to the next injected event and fires it (paused or not: a paused
	 * drill stays paused at that time).
	 * @return the event fired, or empty when none is left
	 */
	public Optional<InjectedEvent> next(long id, Actor actor) {
		Drill drill = drills.get(id);
		Scenario scenario = drills.scenario(drill);
		Optional<InjectedEvent> fired = tx.execute(status -> {
			Drill d = locked(id);
			if (d.fired() >= scenario.events().size()) {
				return Optional.<InjectedEvent>empty();
			}
			InjectedEvent event = scenario.events().get(d.fired());
			Instant now = drills.now();
			Duration at = event.at().compareTo(d.at(now)) > 0 ? event.at() : d.at(now);
			store.timer(id, d.status(), at, d.status() == DrillStatus.RUNNING ? now : null);
			injector.fire(d, scenario, d.fired(), actor, now);
			return Optional.of(event);
		});
		return fired;
	}

	/** Ends the drill: the incident is resolved, the report written and scored, the sandbox calmed. */
	public DrillReport end(long id, Actor actor) {
		Drill drill = drills.get(id);
		if (drill.status() == DrillStatus.ENDED) {
			return reports.of(drill);
		}
		Instant now = drills.now();
		boolean ended = Boolean.TRUE.equals(tx.execute(status -> {
			Drill d = locked(id);
			if (d.status() == DrillStatus.ENDED) {
				return false;
			}
			store.timer(id, DrillStatus.ENDED, d.at(now), null);
			return true;
		}));
		if (!ended) {
			return reports.of(drills.get(id));
		}
		if (incidents.get(id).open()) {
			updates.resolve(id, "drill ended by " + actor.personId(), actor, null);
		}
		DrillReport report = reports.compute(drills.get(id), now);
		store.ended(id, now, report.score(), report.markdown());
		updates.drillEvent(id, EventType.DRILL_ENDED, actor, Map.of("score", report.score(), "max", DrillReport.MAX), null);
		sandbox.calm(drills.scenario(drill).service());
		return report;
	}

	private Drill locked(long id) {
		return store.lock(id).orElseThrow(() -> new IncidentException(Code.INVALID_REQUEST, "INC-" + id + " is not a drill"));
	}
}
