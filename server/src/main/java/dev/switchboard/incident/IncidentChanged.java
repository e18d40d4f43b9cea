package dev.switchboard.incident;

import java.util.List;

/** Published after a change committed: chat adapters update their messages, drills score, metrics count. */
public record IncidentChanged(long incidentId, List<TimelineEvent> events) {
}
