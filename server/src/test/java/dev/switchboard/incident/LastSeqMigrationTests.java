package dev.switchboard.incident;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** V5 moves the timeline's last sequence number onto the incident row, for incidents already stored. */
class LastSeqMigrationTests {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void fillsLastSeqFromTheTimelinesAlreadyStored(String database) {
		String url = database.equals("h2") ? H2.memory("last_seq_migration")
				: EmbeddedPostgresDatabases.jdbcUrl("last_seq_migration");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, database.equals("h2") ? "sa" : "postgres",
				"");
		Flyway.configure().dataSource(dataSource).target("4").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO runbook_version (sha256, runbook_id, file_name, source, stored_at)
				VALUES ('%s', 'r', 'r.md', 'text', CURRENT_TIMESTAMP)""".formatted("a".repeat(64))).update();
		for (long id : List.of(1L, 2L)) {
			jdbc.sql("""
					INSERT INTO incident (id, title, runbook_id, runbook_sha256, current_runbook, current_step, severity,
					  commander, status, declared_at, updated_at)
					VALUES (:id, 't', 'r', :sha, :sha, 's', 'sev2', 'p', 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
				.param("id", id)
				.param("sha", "a".repeat(64))
				.update();
		}
		for (int seq = 1; seq <= 3; seq++) {
			jdbc.sql("""
					INSERT INTO timeline_event (incident_id, seq, type, actor, at, details)
					VALUES (1, :seq, 'note', 'p', CURRENT_TIMESTAMP, '{}')""").param("seq", seq).update();
		}

		Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(jdbc.sql("SELECT id, last_seq FROM incident ORDER BY id").query((rs, n) -> rs.getInt("last_seq")).list())
			.containsExactly(3, 0);
	}
}
