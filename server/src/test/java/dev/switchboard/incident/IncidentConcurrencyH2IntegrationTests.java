package dev.switchboard.incident;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Simultaneous clicks on the embedded default, H2. */
class IncidentConcurrencyH2IntegrationTests extends IncidentConcurrencyIntegrationTests {

	IncidentConcurrencyH2IntegrationTests(ApplicationContext context) {
		super(context);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> H2.memory("concurrency"));
	}
}
