package dev.switchboard.drill;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.switchboard.scenario.InjectedEvent;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentUpdates;

/**
 * Fires one injected event: in one transaction, claims it (so a second tick, a second replica or a
 * restart never fires it again), records it in the timeline and applies its sandbox effects (the
 * sandbox's route table lives in the same database).
 */
@Component
class DrillInjector {

	private final DrillStore store;

	private final IncidentUpdates updates;

	private final SandboxEffects sandbox;

	private final TransactionTemplate tx;

	DrillInjector(DrillStore store, IncidentUpdates updates, SandboxEffects sandbox, TransactionTemplate tx) {
		this.store = store;
		this.updates = updates;
		this.sandbox = sandbox;
		this.tx = tx;
	}

	/** Fires event {@code n}; false when it was already fired. */
	boolean fire(Drill drill, Scenario scenario, int n, Actor actor, Instant now) {
		InjectedEvent event = scenario.events().get(n);
		return Boolean.TRUE.equals(tx.execute(status -> {
			if (!store.claim(drill.incidentId(), n)) {
				return false;
			}
			List<String> applied = sandbox.apply(scenario.service(), event.effects());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("event", n + 1);
			details.put("of", scenario.events().size());
			details.put("at", event.label());
			details.put("text", event.message());
			if (!applied.isEmpty()) {
				details.put("sandbox", applied);
			}
			if (!actor.equals(Actor.SWITCHBOARD)) {
				details.put("fast-forwarded-by", actor.personId());
			}
			updates.drillEvent(drill.incidentId(), EventType.DRILL_INJECTED, Actor.SWITCHBOARD, details,
					"drill-" + drill.incidentId() + "-event-" + n);
			return true;
		}));
	}
}
