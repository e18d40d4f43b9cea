package dev.switchboard.incident;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The incident engine on a real PostgreSQL the test starts itself. The context starting at all
 * proves the Flyway migration runs unchanged on PostgreSQL.
 */
class IncidentEnginePostgresIntegrationTests extends IncidentEngineIntegrationTests {

	IncidentEnginePostgresIntegrationTests(ApplicationContext context) {
		super(context);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EmbeddedPostgresDatabases.jdbcUrl("engine"));
	}

	@Override
	String expectedDatabase() {
		return "PostgreSQL";
	}
}
