package dev.switchboard.drill;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import dev.switchboard.TestApplication;
import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.Verification;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.ownership.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills end to end through the engine: the shipped scenarios, runbooks and ownership.yaml, a real
 * context on H2, the in-process sandbox gateway answering real HTTP probes, and a clock the test
 * moves, so a 20-minute scenario runs in milliseconds.
 */
@SpringBootTest(classes = { TestApplication.class, DrillTestClock.class }, webEnvironment = WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:drills;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"switchboard.catalog.runbooks=../runbooks", "switchboard.catalog.ownership=../ownership.yaml",
				"switchboard.gateway.verify.probes=3", "switchboard.gateway.verify.window=0s" })
class DrillIntegrationTests {

	private final ApplicationContext context;

	private final DrillRun run;

	DrillIntegrationTests(ApplicationContext context) {
		this.context = context;
		this.run = new DrillRun(context);
	}

	static Stream<String> shippedScenarios() {
		return new CatalogLoader().checkScenarios(java.nio.file.Path.of("../runbooks"),
				new CatalogLoader().checkRunbooks(java.nio.file.Path.of("../runbooks"),
						new CatalogLoader().loadOwnership(java.nio.file.Path.of("../ownership.yaml")).ownership(),
						dev.switchboard.runbook.LintOptions.defaults(), new java.util.ArrayList<>()).values(),
				new CatalogLoader().loadOwnership(java.nio.file.Path.of("../ownership.yaml")).ownership())
			.valid().keySet().stream().sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedScenarios")
	void perfectRunOfEveryShippedScenarioScoresTheMaximum(String scenario) {
		run.start(scenario).walkExpectedPath();

		DrillReport report = run.end();

		assertThat(report.deductions()).isEmpty();
		assertThat(report.score()).isEqualTo(DrillReport.MAX);
		assertThat(report.divergences()).isEmpty();
		assertThat(report.owners()).allMatch(DrillReport.Owner::engaged);
		assertThat(report.pathTaken()).hasSize(run.scenario().expectedPath().size());
		assertThat(report.timeToFirstDecision()).isNotNull();
		assertThat(report.markdown()).contains("**Score: 100 / 100**", "Score = 100, minus:");
		assertThat(kinds(run.id)).contains(EventType.DRILL_STARTED, EventType.DRILL_ENDED, EventType.RESOLVED);
		assertThat(run.incidents.get(run.id).drill()).isTrue();
	}

	@Test
	void wrongBranchIsReportedAsADivergenceAndCostsPoints() {
		run.start("ai-outage-hard-outage");
		run.after(Duration.ofMinutes(1)).runActions().choose("Hard outage");
		run.after(Duration.ofMinutes(1)).runActions().choose("Fail closed");
		run.after(Duration.ofMinutes(1)).runActions().choose("Monitor");

		DrillReport report = run.end();

		assertThat(report.divergences()).hasSize(1);
		DrillReport.Divergence d = report.divergences().get(0);
		assertThat(d.step()).isEqualTo("hard-outage");
		assertThat(d.expected()).isEqualTo("Switch to the secondary route");
		assertThat(d.actual()).isEqualTo("Fail closed");
		assertThat(report.skippedSteps()).contains("switch-route", "verify-secondary");
		assertThat(report.score()).isEqualTo(DrillReport.MAX - 15);
		assertThat(report.markdown()).contains("at `hard-outage`: chose **Fail closed**, expected **Switch to the secondary route**");
	}

	@Test
	void stoppingShortOfTheExpectedPathIsADivergence() {
		run.start("ai-outage-throttling");
		run.after(Duration.ofMinutes(1)).runActions().choose("Throttling");

		DrillReport report = run.end();

		assertThat(report.divergences()).singleElement()
			.satisfies(d -> assertThat(d.actual()).contains("stopped before the end"));
		assertThat(report.skippedSteps()).contains("degrade", "monitor", "recover");
	}

	@Test
	void injectedEventsFireOnTheDrillClockAndBreakTheSandboxRouteForReal() {
		run.start("ai-outage-secondary-broken");
		Service service = service("invoice-extraction");
		assertThat(verify(service.route(), service.primary()).outcome()).isEqualTo(Verification.Outcome.VERIFIED);
		assertThat(injected()).isEmpty();

		run.after(Duration.ofSeconds(59));
		assertThat(injected()).isEmpty();
		run.after(Duration.ofSeconds(1));
		assertThat(injected()).extracting(e -> e.detail("at")).containsExactly("T+1m");
		assertThat(verify(service.route(), service.primary()).outcome()).isNotEqualTo(Verification.Outcome.VERIFIED);

		run.after(Duration.ofMinutes(10));
		assertThat(injected()).extracting(e -> e.detail("at")).containsExactly("T+1m", "T+2m", "T+8m");
		assertThat(verify(service.route(), service.secondary()).outcome()).isNotEqualTo(Verification.Outcome.VERIFIED);
	}

	@Test
	void pausedDrillFiresNothingAndNextFastForwards() {
		run.start("ai-outage-hard-outage");
		run.controls.pause(run.id, DrillRun.PRIYA);
		run.after(Duration.ofHours(1));
		assertThat(injected()).isEmpty();

		assertThat(run.controls.next(run.id, DrillRun.PRIYA)).get().extracting(e -> e.label()).isEqualTo("T+1m");
		assertThat(injected()).hasSize(1);
		assertThat(run.drills.get(run.id).status()).isEqualTo(DrillStatus.PAUSED);

		run.controls.resume(run.id, DrillRun.PRIYA);
		run.after(Duration.ofSeconds(59));
		assertThat(injected()).hasSize(1);
		run.after(Duration.ofSeconds(1));
		assertThat(injected()).hasSize(2);
		assertThat(kinds(run.id)).contains(EventType.DRILL_PAUSED, EventType.DRILL_RESUMED);
		assertThat(run.drills.get(run.id).at(run.clock.instant()).toSeconds()).isEqualTo(120);
	}

	@Test
	void conversationRunsADrillNamesPeopleWithoutPingingThemAndListsTheLastDrill() {
		Conversation conversation = context.getBean(Conversation.class);
		ChatContext noIncident = new ChatContext("priya-natarajan", "priya", "terminal", null, null, null);

		Reply started = conversation.command("drill ai-outage", noIncident);

		assertThat(started.declared()).isTrue();
		assertThat(started.blocks()).filteredOn(b -> b instanceof Block.Header)
			.allMatch(b -> ((Block.Header) b).drill());
		assertThat(started.blocks()).filteredOn(b -> b instanceof Block.Paragraph)
			.flatExtracting(b -> ((Block.Paragraph) b).spans())
			.noneMatch(s -> s instanceof Span.Mention);
		long id = dev.switchboard.incident.IncidentIds.parse(started.incidentId()).getAsLong();
		ChatContext here = new ChatContext("priya-natarajan", "priya", "terminal", null, id, null);
		assertThat(conversation.command("drill fact status-page", here).plainText()).contains("Degraded performance");
		assertThat(conversation.command("drill fact runbook-owner-phone", here).plainText()).contains("no fact");
		assertThat(conversation.command("drill next", here).plainText()).contains("T+1m", "injected");
		assertThat(conversation.command("drill pause", here).plainText()).contains("paused");
		assertThat(conversation.command("drill resume", here).plainText()).contains("running");
		assertThat(conversation.command("note the status page link was stale", here).plainText()).contains("Noted");

		String report = conversation.command("drill end", here).plainText();

		assertThat(report).contains("drill report", "runbook-owner-phone", "which nobody could answer",
				"note: T+0m the status page link was stale");
		assertThat(conversation.command("runbooks", here).plainText()).contains("last drilled "
				+ run.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate() + " (" + started.incidentId());
		assertThat(run.reports.markdown(id)).isEqualTo(run.drills.get(id).report());
	}

	private Verification verify(String route, String target) {
		GatewayRegistry gateways = context.getBean(GatewayRegistry.class);
		return gateways.forDrills().verify(route, target, gateways.verifyPolicy());
	}

	private Service service(String id) {
		return context.getBean(CatalogRegistry.class).current().ownership().service(id).orElseThrow();
	}

	private List<TimelineEvent> injected() {
		return run.incidents.timeline(run.id).stream().filter(e -> e.type() == EventType.DRILL_INJECTED).toList();
	}

	private List<EventType> kinds(long id) {
		return run.incidents.timeline(id).stream().map(TimelineEvent::type).toList();
	}
}
