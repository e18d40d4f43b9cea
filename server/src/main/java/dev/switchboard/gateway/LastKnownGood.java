package dev.switchboard.gateway;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per route, the last snapshot verify saw served healthy by the expected target. */
@Repository
public class LastKnownGood {

	private final JdbcClient jdbc;

	private final RouteSnapshots snapshots;

	private final Clock clock;

	public LastKnownGood(JdbcClient jdbc, RouteSnapshots snapshots, Clock clock) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/** Marks a verified snapshot as the route's last-known-good. */
	public void mark(RouteSnapshot snapshot) {
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		int rows = jdbc.sql("UPDATE last_known_good SET snapshot_id = :id, fingerprint = :fp, verified_at = :at "
				+ "WHERE gateway = :gateway AND route = :route")
			.param("id", snapshot.id())
			.param("fp", snapshot.state().fingerprint())
			.param("at", at)
			.param("gateway", snapshot.gateway())
			.param("route", snapshot.state().route())
			.update();
		if (rows == 0) {
			try {
				jdbc.sql("INSERT INTO last_known_good (gateway, route, snapshot_id, fingerprint, verified_at) "
						+ "VALUES (:gateway, :route, :id, :fp, :at)")
					.param("gateway", snapshot.gateway())
					.param("route", snapshot.state().route())
					.param("id", snapshot.id())
					.param("fp", snapshot.state().fingerprint())
					.param("at", at)
					.update();
			}
			catch (DuplicateKeyException ex) {
				mark(snapshot); // another replica inserted first: update it
			}
		}
	}

	public Optional<RouteSnapshot> of(String gateway, String route) {
		return jdbc.sql("SELECT snapshot_id FROM last_known_good WHERE gateway = :gateway AND route = :route")
			.param("gateway", gateway)
			.param("route", route)
			.query(String.class)
			.optional()
			.flatMap(snapshots::find);
	}
}
