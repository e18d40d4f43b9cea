package dev.switchboard.incident;

import java.util.List;

/**
 * Published after a change committed: chat adapters update their messages, drills score, metrics count.
 * @param incident the incident as the change committed it
 */
public record IncidentChanged(long incidentId, List<TimelineEvent> events, Incident incident) {
}
