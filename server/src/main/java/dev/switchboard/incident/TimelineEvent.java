package dev.switchboard.incident;

import java.time.Instant;
import java.util.Map;

/**
 * One immutable entry of an incident's timeline.
 *
 * @param seq 1, 2, 3… per incident, without gaps (unique in the database)
 * @param actor the person id who caused it, or {@code switchboard} for the bot itself
 * @param step the step it happened on, if any
 */
public record TimelineEvent(long incidentId, int seq, EventType type, String actor, Instant at, String step,
		Map<String, Object> details) {

	public TimelineEvent {
		details = details == null ? Map.of() : Map.copyOf(details);
	}

	/** The details typed for this kind of event, read from the stored object. */
	public TimelineDetails typed() {
		return TimelineDetails.of(type, details);
	}

	public String detail(String key) {
		Object value = details.get(key);
		return value == null ? null : value.toString();
	}
}
