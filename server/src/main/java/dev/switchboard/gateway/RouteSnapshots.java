package dev.switchboard.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Route states stored before and after every change, whatever the adapter, so a change can be
 * restored and drift detected after a restart. Rows are never updated.
 */
@Repository
public class RouteSnapshots {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	private final Clock clock;

	public RouteSnapshots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores {@code state} as read from {@code gateway} and returns the snapshot with its new id. */
	public RouteSnapshot store(String gateway, RouteState state, String reason) {
		RouteSnapshot snapshot = new RouteSnapshot("snap-" + UUID.randomUUID().toString().substring(0, 18), gateway,
				state, clock.instant(), reason.length() > 300 ? reason.substring(0, 300) : reason);
		jdbc.sql("""
				INSERT INTO route_snapshot (id, gateway, route, fingerprint, state, reason, taken_at)
				VALUES (:id, :gateway, :route, :fingerprint, :state, :reason, :at)""")
			.param("id", snapshot.id())
			.param("gateway", gateway)
			.param("route", state.route())
			.param("fingerprint", state.fingerprint())
			.param("state", JSON.writeValueAsString(state))
			.param("reason", snapshot.reason())
			.param("at", snapshot.takenAt().atOffset(ZoneOffset.UTC))
			.update();
		return snapshot;
	}

	public Optional<RouteSnapshot> find(String id) {
		return jdbc.sql("SELECT id, gateway, state, reason, taken_at FROM route_snapshot WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new RouteSnapshot(rs.getString("id"), rs.getString("gateway"),
					JSON.readValue(rs.getString("state"), RouteState.class), instant(rs.getObject("taken_at",
							java.time.OffsetDateTime.class)),
					rs.getString("reason")))
			.optional();
	}

	private static Instant instant(java.time.OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
