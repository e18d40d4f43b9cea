package dev.switchboard.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.switchboard.TestApplication;
import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.Incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drills across restarts (a context closed and a new one started on the same H2 file, as the
 * embedded server keeps incidents under {@code ./data}), and the refusal to drill on a production gateway.
 */
class DrillRestartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void drillInterruptedByARestartResumesWhereItWasWithoutRefiringEvents() {
		long id;
		try (ConfigurableApplicationContext before = start(data.resolve("db"), null)) {
			DrillRun run = new DrillRun(before).start("ai-outage-hard-outage");
			id = run.id;
			run.after(Duration.ofSeconds(90));
			assertThat(injected(before, id)).containsExactly("T+1m");
		}
		try (ConfigurableApplicationContext after = start(data.resolve("db"), null)) {
			DrillRun run = new DrillRun(after);
			run.id = id;
			run.after(Duration.ZERO);
			assertThat(injected(after, id)).as("the T+1m event is not fired again").containsExactly("T+1m");
			run.after(Duration.ofMinutes(2));
			assertThat(injected(after, id)).containsExactly("T+1m", "T+2m");
			assertThat(run.drills.get(id).status()).isEqualTo(DrillStatus.RUNNING);
		}
	}

	@Test
	void pausedDrillStaysPausedAfterARestart() {
		long id;
		try (ConfigurableApplicationContext before = start(data.resolve("db"), null)) {
			DrillRun run = new DrillRun(before).start("ai-outage-throttling");
			id = run.id;
			run.controls.pause(id, DrillRun.PRIYA);
		}
		try (ConfigurableApplicationContext after = start(data.resolve("db"), null)) {
			DrillRun run = new DrillRun(after);
			run.id = id;
			run.after(Duration.ofHours(2));
			assertThat(run.drills.get(id).status()).isEqualTo(DrillStatus.PAUSED);
			assertThat(injected(after, id)).isEmpty();
			run.controls.resume(id, DrillRun.PRIYA);
			assertThat(run.controls.next(id, DrillRun.PRIYA)).get().extracting(e -> e.label()).isEqualTo("T+2m");
			assertThat(run.end().injected()).hasSize(1);
		}
	}

	@Test
	void drillIsRefusedWhenTheDrillGatewayIsAProductionOne() {
		try (ConfigurableApplicationContext context = start(data.resolve("prod"), "production-fake")) {
			Drills drills = context.getBean(Drills.class);

			assertThatThrownBy(() -> drills.start("ai-outage", null, DrillRun.PRIYA, ChatRef.NONE, null))
				.isInstanceOf(IncidentException.class)
				.hasMessageContaining("production gateway")
				.extracting(e -> ((IncidentException) e).code())
				.isEqualTo(IncidentException.Code.NOT_PERMITTED);
			assertThat(context.getBean(Incidents.class).list(false, 10)).as("no drill incident was declared").isEmpty();
		}
	}

	private static List<String> injected(ConfigurableApplicationContext context, long id) {
		return context.getBean(Incidents.class).timeline(id).stream()
			.filter(e -> e.type() == EventType.DRILL_INJECTED).map(e -> e.detail("at")).toList();
	}

	/** @param drillAdapter a production adapter to register and make the drill adapter, or null */
	private static ConfigurableApplicationContext start(Path db, String drillAdapter) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class, DrillTestClock.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"switchboard.catalog.runbooks=../runbooks", "switchboard.catalog.ownership=../ownership.yaml",
					"spring.main.banner-mode=off");
		if (drillAdapter != null) {
			builder.properties("switchboard.gateway.drill-adapter=" + drillAdapter)
				.initializers(c -> c.getBeanFactory().registerSingleton("productionFake", new ProductionGateway(drillAdapter)));
		}
		return builder.run();
	}

	/** A production adapter that must never be called by a drill. */
	private record ProductionGateway(String kind) implements Gateway {

		@Override
		public boolean production() {
			return true;
		}

		@Override
		public List<RouteState> routes() {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public RouteState read(String route) {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public FlipPlan plan(String route, String target) {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public RouteState apply(FlipPlan plan, String idempotencyKey) {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public RouteState setEnabled(String route, String target, boolean enabled) {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
			throw new AssertionError("a drill called a production gateway");
		}

		@Override
		public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
			throw new AssertionError("a drill called a production gateway");
		}
	}
}
