package dev.switchboard.incident.internal;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/** The append-only timeline: there is deliberately no update or delete here. */
@Repository
public class TimelineStore {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	public TimelineStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Appends a change's events in one batch (one round trip on PostgreSQL). */
	public void append(List<TimelineEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = events.stream()
			.map(e -> new MapSqlParameterSource().addValue("incident", e.incidentId())
				.addValue("seq", e.seq())
				.addValue("type", e.type().wire())
				.addValue("actor", e.actor())
				.addValue("at", IncidentStore.odt(e.at()))
				.addValue("step", e.step())
				.addValue("details", Json.write(e.details())))
			.toArray(SqlParameterSource[]::new);
		batch.batchUpdate("""
				INSERT INTO timeline_event (incident_id, seq, type, actor, at, step, details)
				VALUES (:incident, :seq, :type, :actor, :at, :step, :details)""", rows);
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
