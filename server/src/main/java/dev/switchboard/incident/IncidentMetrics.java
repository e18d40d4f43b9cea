package dev.switchboard.incident;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.switchboard.incident.internal.IncidentStore;

/**
 * {@code switchboard.incidents.open}, {@code switchboard.decisions}, {@code switchboard.time.to.first.decision}.
 * Drills never count: a rehearsal must not move real incident metrics.
 */
@Component
class IncidentMetrics {

	private final Counter decisions;

	private final Timer firstDecision;

	IncidentMetrics(IncidentStore store, MeterRegistry registry) {
		Gauge.builder("switchboard.incidents.open", () -> store.countOpen().get(false))
			.description("open incidents (drills excluded)")
			.register(registry);
		this.decisions = Counter.builder("switchboard.decisions").description("choices made on decision steps").register(registry);
		this.firstDecision = Timer.builder("switchboard.time.to.first.decision")
			.description("from declaration to the first decision")
			.register(registry);
	}

	@EventListener
	void on(IncidentChanged changed) {
		for (TimelineEvent e : changed.events()) {
			if (e.type() == EventType.CHOICE_MADE && Boolean.TRUE.equals(e.details().get("decision"))) {
				Incident i = changed.incident();
				if (!i.drill()) {
					decisions.increment();
					if (i.firstDecisionAt() != null && i.firstDecisionAt().equals(e.at())) {
						firstDecision.record(Duration.between(i.declaredAt(), i.firstDecisionAt()));
					}
				}
			}
		}
	}
}
