package dev.switchboard.incident;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The incident engine on the embedded default: H2 in PostgreSQL mode. */
class IncidentEngineH2IntegrationTests extends IncidentEngineIntegrationTests {

	IncidentEngineH2IntegrationTests(ApplicationContext context) {
		super(context);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> H2.memory("engine"));
	}

	@Override
	String expectedDatabase() {
		return "H2";
	}
}
