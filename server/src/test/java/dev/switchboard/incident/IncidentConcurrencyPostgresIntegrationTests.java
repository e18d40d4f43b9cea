package dev.switchboard.incident;

import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.switchboard.incident.IncidentAssertions.assertGapFree;
import static dev.switchboard.incident.IncidentAssertions.kinds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous clicks on PostgreSQL, from one application and from two replicas: two separate
 * application contexts, each with its own connection pool, sharing one database as production
 * replicas do.
 */
class IncidentConcurrencyPostgresIntegrationTests extends IncidentConcurrencyIntegrationTests {

	IncidentConcurrencyPostgresIntegrationTests(ApplicationContext context) {
		super(context);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EmbeddedPostgresDatabases.jdbcUrl("concurrency"));
	}

	@Test
	void changesStateOnceWhenTwoReplicasReceiveTheSameClicks() throws InterruptedException {
		String url = EmbeddedPostgresDatabases.jdbcUrl("replicas");
		try (ConfigurableApplicationContext a = EngineContexts.start(url, "replica-a");
				ConfigurableApplicationContext b = EngineContexts.start(url, "replica-b")) {
			List<Engine> replicas = List.of(Engine.of(a), Engine.of(b));
			IntFunction<Engine> alternating = i -> replicas.get(i % 2);

			long id = declaresOnce(alternating, "replicas-declare");
			choosesOnceWithOneKey(alternating, id, "triage", "replicas-same-click");
			Incident decided = decidesOnce(alternating, id, "hard-outage", "replicas-choice-");
			keepsDistinctChanges(alternating, id, "replicas-note-");

			List<TimelineEvent> seenByA = replicas.get(0).incidents().timeline(id);
			List<TimelineEvent> seenByB = replicas.get(1).incidents().timeline(id);
			assertThat(seenByB).isEqualTo(seenByA);
			assertGapFree(seenByA);
			assertThat(kinds(seenByA)).containsExactly("declared", "mention-sent", "mention-sent", "step-entered@triage",
					"choice-made@triage", "step-entered@hard-outage", "choice-made@hard-outage",
					"step-entered@" + decided.currentStep(), "note@" + decided.currentStep(),
					"note@" + decided.currentStep(), "note@" + decided.currentStep(), "note@" + decided.currentStep());
			assertThat(replicas.get(1).incidents().get(id)).isEqualTo(replicas.get(0).incidents().get(id));
		}
	}
}
