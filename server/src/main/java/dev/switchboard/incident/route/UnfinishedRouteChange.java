package dev.switchboard.incident.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/**
 * A route change an incident's timeline shows started and without a verdict: still running in some
 * process, or left behind by one that died between its write and its verify.
 *
 * @param events every event of the change so far (started, route-written, action-interrupted), in order
 */
record UnfinishedRouteChange(TimelineEvent started, List<TimelineEvent> events) {

	private static final Set<EventType> VERDICTS = Set.of(EventType.ACTION_SUCCEEDED, EventType.ACTION_FAILED,
			EventType.ACTION_REFUSED);

	static List<UnfinishedRouteChange> in(List<TimelineEvent> timeline) {
		List<UnfinishedRouteChange> out = new ArrayList<>();
		for (TimelineEvent e : timeline) {
			if (e.type() == EventType.ACTION_STARTED && e.detail("idempotencyKey") != null) {
				List<TimelineEvent> of = timeline.stream().filter(x -> e.detail("idempotencyKey").equals(x.detail("idempotencyKey")))
					.toList();
				if (of.stream().noneMatch(x -> VERDICTS.contains(x.type()))) {
					out.add(new UnfinishedRouteChange(e, of));
				}
			}
		}
		return out;
	}

	String key() {
		return started.detail("idempotencyKey");
	}

	/** When anything last happened to it: a live process records every stage within its deadline. */
	Instant lastActivity() {
		return events.get(events.size() - 1).at();
	}

	Optional<TimelineEvent> written() {
		return events.stream().filter(e -> e.type() == EventType.ROUTE_WRITTEN).findFirst();
	}

	int interruptions() {
		return (int) events.stream().filter(e -> e.type() == EventType.ACTION_INTERRUPTED).count();
	}
}
