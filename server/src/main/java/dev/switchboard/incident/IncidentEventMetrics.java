package dev.switchboard.incident;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code switchboard.incident.events{type=...}}: the timeline events the shipped dashboard and alert
 * rules (ops/) read, counted as they commit: route changes written, actions refused or failed,
 * lease reminders, renewals and expiries, mitigations and resolutions. Drills never count.
 */
@Component
class IncidentEventMetrics {

	static final Set<EventType> COUNTED = Set.of(EventType.DECLARED, EventType.ROUTE_WRITTEN, EventType.ACTION_REFUSED,
			EventType.ACTION_FAILED, EventType.ACTION_SUCCEEDED, EventType.LEASE_REMINDER, EventType.LEASE_RENEWED,
			EventType.LEASE_EXPIRED, EventType.MITIGATED, EventType.RESOLVED, EventType.PAGE_SENT);

	private final Map<EventType, Counter> counters = new EnumMap<>(EventType.class);

	IncidentEventMetrics(MeterRegistry registry) {
		// registered up front so every series exists at 0 and rate() sees the first event
		for (EventType type : COUNTED) {
			counters.put(type, Counter.builder("switchboard.incident.events")
				.description("incident timeline events by type (drills excluded)")
				.tag("type", type.wire())
				.register(registry));
		}
	}

	@EventListener
	void on(IncidentChanged changed) {
		if (changed.incident() == null || changed.incident().drill()) {
			return;
		}
		for (TimelineEvent e : changed.events()) {
			Counter counter = counters.get(e.type());
			if (counter != null) {
				counter.increment();
			}
		}
	}
}
