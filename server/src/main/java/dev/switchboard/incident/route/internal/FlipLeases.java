package dev.switchboard.incident.route.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import dev.switchboard.incident.internal.IncidentStore;

/** Route changes in effect, with their lease; call inside the incident's transaction. */
@Repository
public class FlipLeases {

	private static final String COLUMNS = "id, incident_id, step, action_index, kind, gateway, route, before_snapshot, "
			+ "restore_snapshot, after_snapshot, started_at, expires_at, reminded_at";

	private final JdbcClient jdbc;

	public FlipLeases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long open(FlipLease lease) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO flip_lease (incident_id, step, action_index, kind, gateway, route, before_snapshot,
				  restore_snapshot, after_snapshot, started_at, expires_at)
				VALUES (:incident, :step, :action, :kind, :gateway, :route, :before, :restore, :after, :started, :expires)""")
			.param("incident", lease.incidentId())
			.param("step", lease.step())
			.param("action", lease.action())
			.param("kind", lease.kind())
			.param("gateway", lease.gateway())
			.param("route", lease.route())
			.param("before", lease.beforeSnapshot())
			.param("restore", lease.restoreSnapshot())
			.param("after", lease.afterSnapshot())
			.param("started", IncidentStore.odt(lease.startedAt()))
			.param("expires", IncidentStore.odt(lease.expiresAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The latest change in effect on a route. */
	public Optional<FlipLease> openFor(String gateway, String route) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE gateway = :g AND route = :r AND ended_at IS NULL "
				+ "ORDER BY id DESC LIMIT 1")
			.param("g", gateway)
			.param("r", route)
			.query(FlipLeases::map)
			.optional();
	}

	public List<FlipLease> openAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE ended_at IS NULL ORDER BY id")
			.query(FlipLeases::map)
			.list();
	}

	/** Ends every change in effect on the route (restored, enabled, or superseded by a newer change). */
	public int endAll(String gateway, String route, String reason, Instant now) {
		return jdbc.sql("UPDATE flip_lease SET ended_at = :now, end_reason = :reason "
				+ "WHERE gateway = :g AND route = :r AND ended_at IS NULL")
			.param("now", IncidentStore.odt(now))
			.param("reason", reason)
			.param("g", gateway)
			.param("r", route)
			.update();
	}

	public Optional<FlipLease> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE id = :id AND ended_at IS NULL")
			.param("id", id)
			.query(FlipLeases::map)
			.optional();
	}

	/** The changes an incident made that are still in effect, oldest first. */
	public List<FlipLease> openOf(long incidentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE incident_id = :i AND ended_at IS NULL ORDER BY id")
			.param("i", incidentId)
			.query(FlipLeases::map)
			.list();
	}

	/** Leases in effect that ended by {@code now} unrenewed. */
	public List<FlipLease> expired(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE ended_at IS NULL AND expires_at <= :now ORDER BY id")
			.param("now", IncidentStore.odt(now))
			.query(FlipLeases::map)
			.list();
	}

	/** Moves the end of a lease in effect; its commander is reminded again before the new end. */
	public boolean renew(long id, Instant expires) {
		return jdbc.sql("UPDATE flip_lease SET expires_at = :e, reminded_at = NULL WHERE id = :id AND ended_at IS NULL")
			.param("e", IncidentStore.odt(expires))
			.param("id", id)
			.update() == 1;
	}

	/** Ends one lease (its change was found overwritten by someone else). */
	public void end(long id, String reason, Instant now) {
		jdbc.sql("UPDATE flip_lease SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
			.param("now", IncidentStore.odt(now))
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	/** Leases in effect that end before {@code threshold} and whose commander was not reminded yet. */
	public List<FlipLease> dueForReminder(Instant threshold) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM flip_lease WHERE ended_at IS NULL AND reminded_at IS NULL "
				+ "AND expires_at <= :t ORDER BY id")
			.param("t", IncidentStore.odt(threshold))
			.query(FlipLeases::map)
			.list();
	}

	/** True for the one caller (of any replica) that marks it first. */
	public boolean markReminded(long id, Instant now) {
		return jdbc.sql("UPDATE flip_lease SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
			.param("now", IncidentStore.odt(now))
			.param("id", id)
			.update() == 1;
	}

	private static FlipLease map(ResultSet rs, int row) throws SQLException {
		return new FlipLease(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("step"), rs.getInt("action_index"),
				rs.getString("kind"), rs.getString("gateway"), rs.getString("route"), rs.getString("before_snapshot"),
				rs.getString("restore_snapshot"), rs.getString("after_snapshot"), IncidentStore.instant(rs, "started_at"),
				IncidentStore.instant(rs, "expires_at"), IncidentStore.instant(rs, "reminded_at"));
	}
}
