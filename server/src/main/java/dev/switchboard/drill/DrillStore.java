package dev.switchboard.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code drill} table. Timer changes lock the row; an event is claimed by moving {@code fired} on by one. */
@Repository
class DrillStore {

	private static final String COLUMNS = "incident_id, scenario_id, scenario_file, scenario_source, runbook_id, facilitator, "
			+ "status, fired, elapsed_ms, running_since, started_at, ended_at, score, report";

	private final JdbcClient jdbc;

	DrillStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Drill d) {
		jdbc.sql("INSERT INTO drill (" + COLUMNS + ") VALUES (:id, :scenario, :file, :source, :runbook, :facilitator, "
				+ ":status, 0, 0, :since, :started, NULL, NULL, NULL)")
			.param("id", d.incidentId())
			.param("scenario", d.scenarioId())
			.param("file", d.scenarioFile())
			.param("source", d.scenarioSource())
			.param("runbook", d.runbookId())
			.param("facilitator", d.facilitator())
			.param("status", d.status().name())
			.param("since", time(d.runningSince()))
			.param("started", time(d.startedAt()))
			.update();
	}

	Optional<Drill> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM drill WHERE incident_id = :id").param("id", id).query(this::map).optional();
	}

	/** Locks the drill row for the rest of the transaction. */
	Optional<Drill> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM drill WHERE incident_id = :id FOR UPDATE").param("id", id)
			.query(this::map).optional();
	}

	List<Drill> running() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM drill WHERE status = 'RUNNING' ORDER BY incident_id").query(this::map).list();
	}

	/** The latest ended drill of each runbook. */
	List<Drill> lastEndedPerRunbook() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM drill d WHERE status = 'ENDED' AND ended_at = "
				+ "(SELECT MAX(ended_at) FROM drill e WHERE e.runbook_id = d.runbook_id AND e.status = 'ENDED') "
				+ "ORDER BY runbook_id, incident_id DESC").query(this::map).list();
	}

	/** Moves {@code fired} from {@code n} to {@code n + 1}; false when another tick or replica already did. */
	boolean claim(long id, int n) {
		return jdbc.sql("UPDATE drill SET fired = :next WHERE incident_id = :id AND fired = :n AND status <> 'ENDED'")
			.param("next", n + 1).param("id", id).param("n", n).update() == 1;
	}

	void timer(long id, DrillStatus status, Duration elapsed, Instant runningSince) {
		jdbc.sql("UPDATE drill SET status = :status, elapsed_ms = :elapsed, running_since = :since WHERE incident_id = :id")
			.param("status", status.name())
			.param("elapsed", elapsed.toMillis())
			.param("since", time(runningSince))
			.param("id", id)
			.update();
	}

	void ended(long id, Instant at, int score, String report) {
		jdbc.sql("UPDATE drill SET ended_at = :at, score = :score, report = :report WHERE incident_id = :id")
			.param("at", time(at)).param("score", score).param("report", report).param("id", id).update();
	}

	private Drill map(ResultSet rs, int row) throws SQLException {
		Integer score = rs.getObject("score", Integer.class);
		return new Drill(rs.getLong("incident_id"), rs.getString("scenario_id"), rs.getString("scenario_file"),
				rs.getString("scenario_source"), rs.getString("runbook_id"), rs.getString("facilitator"),
				DrillStatus.valueOf(rs.getString("status")), rs.getInt("fired"), Duration.ofMillis(rs.getLong("elapsed_ms")),
				instant(rs, "running_since"), instant(rs, "started_at"), instant(rs, "ended_at"),
				score, rs.getString("report"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
