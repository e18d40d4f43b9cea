package dev.switchboard.incident.route.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import dev.switchboard.incident.internal.IncidentStore;

/**
 * Incidents with a route change started since {@code since} and no verdict recorded for it yet. Each
 * claimed change records one {@code action-started} and, once done, exactly one verdict carrying the same
 * gateway idempotency key, so counting them finds the changes a dead process left behind.
 */
@Repository
public class StartedRouteChanges {

	private final JdbcClient jdbc;

	public StartedRouteChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Long> incidentsWithoutVerdict(Instant since) {
		return jdbc.sql("""
				SELECT incident_id FROM timeline_event
				WHERE type IN ('action-started', 'action-succeeded', 'action-failed', 'action-refused')
				  AND at >= :since AND details LIKE '%"idempotencyKey"%'
				GROUP BY incident_id
				HAVING SUM(CASE WHEN type = 'action-started' THEN 1 ELSE -1 END) > 0
				ORDER BY incident_id""")
			.param("since", IncidentStore.odt(since))
			.query(Long.class)
			.list();
	}
}
