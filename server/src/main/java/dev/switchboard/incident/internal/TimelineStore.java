package dev.switchboard.incident.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/** The append-only timeline: there is deliberately no update or delete here. */
@Repository
public class TimelineStore {

	private final JdbcClient jdbc;

	public TimelineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(TimelineEvent e) {
		jdbc.sql("""
				INSERT INTO timeline_event (incident_id, seq, type, actor, at, step, details)
				VALUES (:incident, :seq, :type, :actor, :at, :step, :details)""")
			.param("incident", e.incidentId())
			.param("seq", e.seq())
			.param("type", e.type().wire())
			.param("actor", e.actor())
			.param("at", IncidentStore.odt(e.at()))
			.param("step", e.step())
			.param("details", Json.write(e.details()))
			.update();
	}

	public List<TimelineEvent> list(long incidentId) {
		return listAfter(incidentId, 0);
	}

	/** The events after number {@code seq}, in order. */
	public List<TimelineEvent> listAfter(long incidentId, int seq) {
		return jdbc.sql("SELECT incident_id, seq, type, actor, at, step, details FROM timeline_event "
				+ "WHERE incident_id = :id AND seq > :seq ORDER BY seq")
			.param("id", incidentId)
			.param("seq", seq)
			.query((rs, n) -> new TimelineEvent(rs.getLong("incident_id"), rs.getInt("seq"),
					EventType.fromWire(rs.getString("type")), rs.getString("actor"), IncidentStore.instant(rs, "at"),
					rs.getString("step"), Json.read(rs.getString("details"))))
			.list();
	}
}
