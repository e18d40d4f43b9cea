package dev.switchboard.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.TestApplication;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogProperties;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.IncidentState.ActionState;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

import static dev.switchboard.incident.IncidentAssertions.assertGapFree;
import static dev.switchboard.incident.IncidentAssertions.kinds;
import static dev.switchboard.incident.IncidentAssertions.refused;
import static dev.switchboard.incident.IncidentAssertions.withoutVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The incident engine end to end: a real context, the shipped runbooks and ownership.yaml, and a
 * real database. Run twice, on H2 and on PostgreSQL, by {@link IncidentEngineH2IntegrationTests}
 * and {@link IncidentEnginePostgresIntegrationTests}. The runbooks are a copy in a temporary
 * folder so a test can edit one on disk.
 */
@SpringBootTest(classes = { TestApplication.class, EngineTestConfiguration.class }, webEnvironment = WebEnvironment.NONE,
		properties = "switchboard.catalog.ownership=../ownership.yaml")
abstract class IncidentEngineIntegrationTests {

	static final Path SHIPPED_RUNBOOKS = Path.of("../runbooks");

	static final Actor PRIYA = new Actor("priya-natarajan");

	static final Actor GRACE = new Actor("grace-kim");

	static final Duration MINUTE = Duration.ofMinutes(1);

	@TempDir
	static Path catalogCopy;

	private final Declarations declarations;

	private final Walk walk;

	private final IncidentUpdates updates;

	private final StepActions actions;

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final CatalogRegistry catalogs;

	private final CatalogProperties catalogProperties;

	private final TestClock clock;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final MeterRegistry meters;

	IncidentEngineIntegrationTests(ApplicationContext context) {
		this.declarations = context.getBean(Declarations.class);
		this.walk = context.getBean(Walk.class);
		this.updates = context.getBean(IncidentUpdates.class);
		this.actions = context.getBean(StepActions.class);
		this.incidents = context.getBean(Incidents.class);
		this.postmortems = context.getBean(Postmortems.class);
		this.catalogs = context.getBean(CatalogRegistry.class);
		this.catalogProperties = context.getBean(CatalogProperties.class);
		this.clock = context.getBean(TestClock.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.dataSource = context.getBean(DataSource.class);
		this.meters = context.getBean(MeterRegistry.class);
	}

	@DynamicPropertySource
	static void runbooksInATemporaryFolder(DynamicPropertyRegistry registry) {
		registry.add("switchboard.catalog.runbooks", () -> copyOf(SHIPPED_RUNBOOKS, catalogCopy).toString());
	}

	/** The database product the subclass runs on, as JDBC names it. */
	abstract String expectedDatabase();

	@BeforeEach
	void startTheClock() {
		clock.set(TestClock.START);
	}

	@Test
	void runsTheFlywayMigrationOnTheDatabaseItWasGiven() throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
		}
		List<Map<String, Object>> history = jdbc
			.sql("SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
			.query()
			.listOfRows();
		assertThat(history).isNotEmpty();
		assertThat(history.get(0)).containsEntry("version", "1").containsEntry("description", "incident");
		assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
	}

	@Test
	void declaresByIdWithTheRunbookSeverityAndPinsItsVersion() {
		Runbook runbook = catalog().runbook("ai-outage").orElseThrow();

		Incident incident = declare("ai-outage", null);

		assertThat(incident.runbookId()).isEqualTo("ai-outage");
		assertThat(incident.title()).isEqualTo("AI provider outage");
		assertThat(incident.severity()).isEqualTo("sev1");
		assertThat(incident.service()).isNull();
		assertThat(incident.commander()).isEqualTo(PRIYA.personId());
		assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
		assertThat(incident.currentStep()).isEqualTo("triage");
		assertThat(incident.runbookSha256()).isEqualTo(runbook.version().sha256());
		assertThat(incident.currentRunbookSha256()).isEqualTo(runbook.version().sha256());
		assertThat(incident.declaredAt()).isEqualTo(TestClock.START);
		assertThat(incident.firstDecisionAt()).isNull();
		assertThat(incident.mitigatedAt()).isNull();
		assertThat(storedSource(runbook.version().sha256())).isEqualTo(catalog().source(runbook.version().sha256()).orElseThrow());

		List<TimelineEvent> timeline = incidents.timeline(incident.id());
		assertGapFree(timeline);
		assertThat(kinds(timeline)).containsExactly("declared", "mention-sent", "mention-sent", "mention-sent",
				"step-entered@triage");
		assertThat(timeline.get(0).details()).containsEntry("runbook", "ai-outage")
			.containsEntry("sha256", runbook.version().sha256())
			.containsEntry("severity", "sev1")
			.containsEntry("commander", PRIYA.personId())
			.containsEntry("drill", false)
			.doesNotContainKey("asked");
		assertThat(timeline.subList(1, 4)).extracting(e -> e.details().get("principal"))
			.containsExactly("incident-commander", "provider-outage-primary", "workflow-failure-primary");
		assertThat(timeline.get(2).details().get("people")).isEqualTo(List.of("karim-haddad"));
		assertThat(timeline.get(3).details().get("people")).isEqualTo(List.of("daniel-okafor"));
		assertThat(timeline).allSatisfy(e -> assertThat(e.at()).isEqualTo(TestClock.START));
	}

	@Test
	void declaresByAliasAndRecordsWhatWasAsked() {
		Incident byAlias = declare("LLM-Down", null);
		Incident byNumber = declare("429", null);

		assertThat(byAlias.runbookId()).isEqualTo("ai-outage");
		assertThat(byNumber.runbookId()).isEqualTo("ai-outage");
		assertThat(incidents.timeline(byAlias.id()).get(0).details()).containsEntry("asked", "LLM-Down");
		assertThat(incidents.timeline(byNumber.id()).get(0).details()).containsEntry("asked", "429");
	}

	@Test
	void declaresByCloseMisspelling() {
		Incident outage = declare("ai-outgae", null);
		Incident harmful = declare("harmfull-output", null);

		assertThat(outage.runbookId()).isEqualTo("ai-outage");
		assertThat(harmful.runbookId()).isEqualTo("harmful-output");
		assertThat(harmful.severity()).isEqualTo("sev1");
		assertThat(harmful.service()).as("the runbook's only service").isEqualTo("support-replies");
		assertThat(harmful.currentStep()).isEqualTo("stop-replies");
	}

	@Test
	void refusesAnUnknownRunbookWithThreeSuggestionsAndCreatesNothing() {
		Map<String, Long> before = rowCounts();

		IncidentException refused = refused(() -> declarations.declare(
				new Declarations.Request("kubernetes-crash", null, null, false, null), PRIYA, "declare-unknown-runbook"));

		assertThat(refused.code()).isEqualTo(Code.UNKNOWN_RUNBOOK);
		assertThat(refused.details().get("suggestions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(3)
			.doesNotHaveDuplicates()
			.isSubsetOf(catalog().runbooks().keySet());
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void overridesTheSeverityAndRefusesAnUnknownOne() {
		Incident sev3 = declare("ai-outage", "sev3");
		Incident sev2 = declare("ai-outage", " SEV2 ");
		Map<String, Long> before = rowCounts();

		IncidentException refused = refused(() -> declare("ai-outage", "sev9"));

		assertThat(sev3.severity()).isEqualTo("sev3");
		assertThat(sev2.severity()).isEqualTo("sev2");
		assertThat(kinds(incidents.timeline(sev3.id()))).containsExactly("declared", "mention-sent", "step-entered@triage");
		assertThat(incidents.timeline(sev3.id()).get(1).details()).containsEntry("principal", "workflow-failure-primary");
		assertThat(refused.code()).isEqualTo(Code.INVALID_REQUEST);
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void refusesAnUnknownPersonAndRecordsNothing() {
		Incident incident = declare("ai-outage", null);
		Snapshot snapshot = snapshot(incident.id());
		Map<String, Long> before = rowCounts();
		Actor stranger = new Actor("mallory");

		assertThat(refused(() -> declarations.declare(new Declarations.Request("ai-outage", null, null, false, null),
				stranger, "declare-by-stranger"))
			.code()).isEqualTo(Code.UNKNOWN_PERSON);
		assertThat(refused(() -> walk.choose(incident.id(), "triage", "1", stranger, null)).code())
			.isEqualTo(Code.UNKNOWN_PERSON);
		assertThat(refused(() -> updates.note(incident.id(), "hello", stranger, null)).code())
			.isEqualTo(Code.UNKNOWN_PERSON);
		assertThat(refused(() -> actions.run(incident.id(), "triage", 1, stranger, null)).code())
			.isEqualTo(Code.UNKNOWN_PERSON);

		assertThat(rowCounts()).isEqualTo(before);
		assertThat(snapshot(incident.id())).isEqualTo(snapshot);
	}

	static Stream<String> shippedRunbookFiles() throws IOException {
		try (Stream<Path> files = Files.list(SHIPPED_RUNBOOKS)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("shippedRunbookFiles")
	void walksEveryShippedRunbookToEachTerminalStepAndResolves(String file) {
		Runbook runbook = catalog().allRunbooks()
			.stream()
			.filter(r -> r.file().equals(file))
			.findFirst()
			.orElseThrow(() -> new AssertionError(file + " is not served; lint findings: " + catalog().findings()));
		Map<String, List<RunbookRoutes.Hop>> routes = RunbookRoutes.toTerminals(runbook);
		assertThat(routes).as("terminal steps reachable in " + file).isNotEmpty();
		assertThat(routes.keySet()).as("a way to mitigate in " + file)
			.anyMatch(step -> mitigates(runbook.step(step).orElseThrow()));

		routes.forEach((terminal, hops) -> walkAndResolve(runbook, terminal, hops));
	}

	private void walkAndResolve(Runbook runbook, String terminal, List<RunbookRoutes.Hop> hops) {
		clock.set(TestClock.START);
		Incident incident = declare(runbook.id(), null);
		long id = incident.id();
		String first = runbook.steps().get(0).id();
		int mentions = catalog().ownership().escalation(runbook.severity()).orElseThrow().page().size();
		List<String> expected = new ArrayList<>();
		expected.add("declared");
		IntStream.range(0, mentions).forEach(i -> expected.add("mention-sent"));
		expected.add("step-entered@" + first);
		List<String> path = new ArrayList<>(List.of(first));
		Instant firstDecision = null;
		Instant mitigated = null;

		for (RunbookRoutes.Hop hop : hops) {
			Instant now = clock.advance(MINUTE);
			Step from = runbook.step(hop.from()).orElseThrow();
			Step to = runbook.step(hop.to()).orElseThrow();
			Applied<Incident> applied = walk.choose(id, hop.from(), String.valueOf(hop.choice()), PRIYA, null);
			incident = applied.result();
			if (from.decision() && firstDecision == null) {
				firstDecision = now;
			}
			expected.add("choice-made@" + hop.from());
			expected.add("step-entered@" + hop.to());
			if (mitigates(to)) {
				expected.add("mitigated@" + hop.to());
				mitigated = now;
			}
			path.add(hop.to());
			assertThat(applied.replayed()).isFalse();
			assertThat(incident.currentStep()).as(runbook.id() + " after " + hop).isEqualTo(hop.to());
			assertThat(incident.firstDecisionAt()).as("first decision after " + hop).isEqualTo(firstDecision);
			assertThat(incident.status()).as("status after " + hop)
				.isEqualTo(mitigated == null ? IncidentStatus.OPEN : IncidentStatus.MITIGATED);
			assertThat(incident.mitigatedAt()).isEqualTo(mitigated);
			assertThat(withoutVersion(incidents.get(id))).as("stored as returned").isEqualTo(withoutVersion(incident));
		}
		IncidentState walked = incidents.state(id);
		assertThat(walked.step().id()).isEqualTo(terminal);
		assertThat(walked.step().terminal()).isTrue();
		assertThat(walked.path()).isEqualTo(path);

		Instant resolvedAt = clock.advance(MINUTE);
		Incident resolved = updates.resolve(id, "walked to " + terminal, PRIYA, null).result();
		expected.add("resolved@" + terminal);

		assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(resolved.resolvedAt()).isEqualTo(resolvedAt);
		assertThat(resolved.mitigatedAt()).isEqualTo(mitigated == null ? resolvedAt : mitigated);
		List<TimelineEvent> timeline = incidents.timeline(id);
		assertGapFree(timeline);
		assertThat(kinds(timeline)).as(runbook.id() + " to " + terminal).isEqualTo(expected);
		List<TimelineEvent> choices = timeline.stream().filter(e -> e.type() == EventType.CHOICE_MADE).toList();
		for (int i = 0; i < hops.size(); i++) {
			RunbookRoutes.Hop hop = hops.get(i);
			assertThat(choices.get(i).details()).containsEntry("index", hop.choice())
				.containsEntry("choice", hop.label())
				.containsEntry("to", "#" + hop.to());
			assertThat(choices.get(i).at()).isEqualTo(TestClock.START.plus(MINUTE.multipliedBy(i + 1)));
			assertThat(choices.get(i).actor()).isEqualTo(PRIYA.personId());
		}
		assertThat(timeline).extracting(TimelineEvent::at).isSorted();
		assertThat(refused(() -> walk.back(id, null, PRIYA, null)).code()).isEqualTo(Code.INCIDENT_RESOLVED);
	}

	@Test
	void handsOverToAnotherRunbookAndPinsItsVersion() {
		Runbook outage = catalog().runbook("ai-outage").orElseThrow();
		Runbook drift = catalog().runbook("format-drift").orElseThrow();
		Incident incident = declare("ai-outage", null);

		Incident moved = walk.choose(incident.id(), "triage", "Silent degradation", PRIYA, null).result();

		assertThat(moved.runbookId()).as("declared with").isEqualTo("ai-outage");
		assertThat(moved.runbookSha256()).isEqualTo(outage.version().sha256());
		assertThat(moved.currentRunbookSha256()).isEqualTo(drift.version().sha256());
		assertThat(moved.currentStep()).isEqualTo("confirm-drift");
		assertThat(storedSource(drift.version().sha256())).isEqualTo(catalog().source(drift.version().sha256()).orElseThrow());
		List<TimelineEvent> timeline = incidents.timeline(incident.id());
		assertGapFree(timeline);
		assertThat(kinds(timeline)).endsWith("step-entered@triage", "choice-made@triage", "runbook-changed",
				"step-entered@confirm-drift");
		assertThat(timeline.get(timeline.size() - 3).details()).containsEntry("to", "format-drift.md#confirm-drift")
			.containsEntry("decision", true);
		assertThat(timeline.get(timeline.size() - 2).details()).isEqualTo(
				Map.of("from", "ai-outage", "to", "format-drift", "sha256", drift.version().sha256()));
		IncidentState state = incidents.state(incident.id());
		assertThat(state.runbook().id()).isEqualTo("format-drift");
		assertThat(state.path()).containsExactly("confirm-drift");

		Incident walking = walk.choose(incident.id(), "confirm-drift", "1", PRIYA, null).result();
		assertThat(walking.currentStep()).isEqualTo("find-change");
		Snapshot snapshot = snapshot(incident.id());
		assertThat(refused(() -> walk.back(incident.id(), "triage", PRIYA, null)).code())
			.as("steps of the runbook handed over from are not steps of this walk")
			.isEqualTo(Code.INVALID_REQUEST);
		assertThat(snapshot(incident.id())).isEqualTo(snapshot);
		assertThat(walk.back(incident.id(), null, PRIYA, null).result().currentStep()).isEqualTo("confirm-drift");
	}

	@Test
	void goesBackToThePreviousStepAndToANamedEarlierStep() {
		long id = declare("ai-outage", null).id();
		walk.choose(id, "triage", "Hard outage", PRIYA, null);
		walk.choose(id, "hard-outage", "#switch-route", PRIYA, null);
		walk.choose(id, "switch-route", "1", PRIYA, null);
		assertThat(incidents.state(id).path()).containsExactly("triage", "hard-outage", "switch-route", "verify-secondary");

		Incident previous = walk.back(id, null, GRACE, null).result();

		assertThat(previous.currentStep()).isEqualTo("switch-route");
		assertThat(incidents.state(id).path()).containsExactly("triage", "hard-outage", "switch-route");
		assertThat(kinds(incidents.timeline(id))).endsWith("step-entered@verify-secondary", "backtracked@verify-secondary",
				"step-entered@switch-route");

		Incident named = walk.back(id, "triage", GRACE, null).result();

		assertThat(named.currentStep()).isEqualTo("triage");
		assertThat(incidents.state(id).path()).containsExactly("triage");
		List<TimelineEvent> timeline = incidents.timeline(id);
		assertGapFree(timeline);
		assertThat(timeline.get(timeline.size() - 2).details()).isEqualTo(Map.of("to", "triage"));
		assertThat(timeline.get(timeline.size() - 2).actor()).isEqualTo(GRACE.personId());
		assertThat(timeline.get(timeline.size() - 1).details()).isEqualTo(Map.of("via", "back"));

		Incident again = walk.choose(id, "triage", "Throttling", PRIYA, null).result();
		assertThat(again.currentStep()).isEqualTo("throttling");
		assertThat(incidents.state(id).path()).containsExactly("triage", "throttling");
	}

	@Test
	void refusesGoingBackToAStepNotWalked() {
		long id = declare("ai-outage", null).id();
		assertThat(refused(() -> walk.back(id, null, PRIYA, null)).code()).as("at the first step")
			.isEqualTo(Code.INVALID_REQUEST);
		walk.choose(id, "triage", "1", PRIYA, null);
		walk.choose(id, "hard-outage", "1", PRIYA, null);
		walk.back(id, "hard-outage", PRIYA, null);
		Snapshot snapshot = snapshot(id);

		assertThat(refused(() -> walk.back(id, "monitor", PRIYA, null)).code()).isEqualTo(Code.INVALID_REQUEST);
		assertThat(refused(() -> walk.back(id, "switch-route", PRIYA, null)).code())
			.as("walked, but left behind by going back")
			.isEqualTo(Code.INVALID_REQUEST);
		assertThat(refused(() -> walk.back(id, "hard-outage", PRIYA, null)).code()).as("the current step")
			.isEqualTo(Code.INVALID_REQUEST);
		assertThat(snapshot(id)).isEqualTo(snapshot);
	}

	@Test
	void refusesAChoiceTheStepDoesNotOffer() {
		long id = declare("ai-outage", null).id();
		Snapshot snapshot = snapshot(id);

		IncidentException byNumber = refused(() -> walk.choose(id, "triage", "7", PRIYA, null));
		IncidentException byTarget = refused(() -> walk.choose(id, "triage", "monitor", PRIYA, null));
		IncidentException byLabel = refused(() -> walk.choose(id, null, "Provider recovered", PRIYA, null));

		assertThat(List.of(byNumber, byTarget, byLabel)).extracting(IncidentException::code)
			.containsOnly(Code.CHOICE_NOT_OFFERED);
		assertThat(byNumber.details()).containsEntry("currentStep", "triage")
			.containsEntry("choices", List.of("Hard outage", "Throttling", "Silent degradation", "Not the provider"));
		assertThat(snapshot(id)).isEqualTo(snapshot);
	}

	@Test
	void refusesAClickForAStepTheIncidentHasLeft() {
		long id = declare("ai-outage", null).id();
		walk.choose(id, "triage", "1", PRIYA, null);
		Snapshot snapshot = snapshot(id);

		IncidentException late = refused(() -> walk.choose(id, "triage", "2", GRACE, "late-click"));
		IncidentException lateAction = refused(() -> actions.run(id, "triage", 1, GRACE, "late-action"));

		assertThat(late.code()).isEqualTo(Code.STEP_ALREADY_DECIDED);
		assertThat(late.details()).containsEntry("currentStep", "hard-outage");
		assertThat(lateAction.code()).isEqualTo(Code.STEP_ALREADY_DECIDED);
		assertThat(snapshot(id)).isEqualTo(snapshot);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE request_key IN ('late-click', 'late-action')")
			.query(Long.class)
			.single()).as("a refused request does not use up its key").isZero();
	}

	@Test
	void appliesARepeatedRequestOnce() {
		Applied<Incident> declared = declarations.declare(new Declarations.Request("ai-outage", null, null, false, null),
				PRIYA, "declare-once");
		Applied<Incident> declaredAgain = declarations.declare(
				new Declarations.Request("ai-outage", null, null, false, null), PRIYA, "declare-once");
		long id = declared.result().id();

		Applied<Incident> chosen = walk.choose(id, "triage", "1", PRIYA, "choose-once");
		Applied<Incident> chosenAgain = walk.choose(id, "triage", "1", PRIYA, "choose-once");

		assertThat(declared.replayed()).isFalse();
		assertThat(declaredAgain.replayed()).isTrue();
		assertThat(declaredAgain.result().id()).isEqualTo(id);
		assertThat(chosen.replayed()).isFalse();
		assertThat(chosenAgain.replayed()).isTrue();
		assertThat(kinds(incidents.timeline(id))).filteredOn(k -> k.startsWith("choice-made") || k.equals("declared"))
			.containsExactly("declared", "choice-made@triage");
		assertThat(incidents.get(id).currentStep()).isEqualTo("hard-outage");
	}

	@Test
	void pagesWhoIsOnCallAndLooksUpVendors() {
		long id = declare("ai-outage", null).id();
		clock.advance(MINUTE);

		actions.run(id, "triage", 1, PRIYA, null);
		actions.run(id, "triage", 2, PRIYA, null);

		List<TimelineEvent> timeline = incidents.timeline(id);
		assertGapFree(timeline);
		List<TimelineEvent> ran = timeline.subList(timeline.size() - 4, timeline.size());
		assertThat(kinds(ran)).containsExactly("action-requested@triage", "page-sent@triage", "action-requested@triage",
				"action-succeeded@triage");
		assertThat(ran.get(0).details()).isEqualTo(Map.of("action", "1", "text", "page provider-outage-primary"));
		assertThat(ran.get(1).details()).containsEntry("principal", "provider-outage-primary")
			.containsEntry("people", List.of("karim-haddad"));
		assertThat(ran.get(3).details().get("result")).asString()
			.contains("OpenAI", "https://status.openai.com", "org-7Hq2LmXv9RkT3pNwYd4sBc1E");
		assertThat(incidents.state(id).actions()).extracting(ActionState::status)
			.containsExactly(ActionState.Status.DONE, ActionState.Status.DONE, ActionState.Status.PENDING,
					ActionState.Status.PENDING);

		clock.advance(Duration.ofDays(7));
		actions.run(id, "triage", 1, PRIYA, null);
		assertThat(incidents.timeline(id).get(incidents.timeline(id).size() - 1).details())
			.as("a week later the next person in the rotation is on call")
			.containsEntry("people", List.of("sofia-marchetti"));
		Snapshot snapshot = snapshot(id);
		assertThat(refused(() -> actions.run(id, "triage", 9, PRIYA, null)).code()).isEqualTo(Code.ACTION_UNAVAILABLE);
		assertThat(snapshot(id)).isEqualTo(snapshot);
	}

	@Test
	void waitsForASecondApproverBeforeFlippingATierOneRouteAndChangesNothingMeanwhile() {
		long id = declare("ai-outage", null).id();
		walk.choose(id, "triage", "1", PRIYA, null);
		Incident before = walk.choose(id, "hard-outage", "1", PRIYA, null).result();
		clock.advance(MINUTE);

		Incident after = actions.run(id, "switch-route", 1, PRIYA, null).result();

		List<TimelineEvent> timeline = incidents.timeline(id);
		assertGapFree(timeline);
		assertThat(kinds(timeline)).endsWith("step-entered@switch-route", "action-requested@switch-route",
				"approval-requested@switch-route");
		assertThat(timeline.get(timeline.size() - 1).details()).containsEntry("text",
				"gateway flip invoice-extraction secondary");
		assertThat(kinds(timeline)).doesNotContain("action-started@switch-route", "action-succeeded@switch-route");
		assertThat(withoutVersion(incidents.get(id))).isEqualTo(withoutVersion(before));
		assertThat(withoutVersion(after)).isEqualTo(withoutVersion(before));
		assertThat(incidents.state(id).actions()).extracting(ActionState::status)
			.containsExactly(ActionState.Status.REQUESTED, ActionState.Status.PENDING, ActionState.Status.PENDING);
	}

	@Test
	void recordsNotesSeverityAndCommanderChanges() {
		long id = declare("ai-outage", null).id();
		int declaredEvents = incidents.timeline(id).size();

		updates.note(id, "  vendor ticket 4411 opened \n", PRIYA, null);
		Incident sev2 = updates.severity(id, "SEV2", PRIYA, null).result();
		Applied<Incident> sameAgain = updates.severity(id, "sev2", GRACE, null);
		Incident handedOver = updates.commander(id, "grace-kim", PRIYA, null).result();
		Snapshot snapshot = snapshot(id);
		IncidentException unknownSeverity = refused(() -> updates.severity(id, "sev9", PRIYA, null));
		IncidentException unknownCommander = refused(() -> updates.commander(id, "nobody", PRIYA, null));
		IncidentException emptyNote = refused(() -> updates.note(id, " ", PRIYA, null));

		assertThat(sev2.severity()).isEqualTo("sev2");
		assertThat(sameAgain.replayed()).isFalse();
		assertThat(sameAgain.result().severity()).isEqualTo("sev2");
		assertThat(handedOver.commander()).isEqualTo("grace-kim");
		assertThat(unknownSeverity.code()).isEqualTo(Code.INVALID_REQUEST);
		assertThat(unknownCommander.code()).isEqualTo(Code.UNKNOWN_PERSON);
		assertThat(emptyNote.code()).isEqualTo(Code.INVALID_REQUEST);
		assertThat(snapshot(id)).isEqualTo(snapshot);
		List<TimelineEvent> timeline = incidents.timeline(id);
		assertGapFree(timeline);
		List<TimelineEvent> added = timeline.subList(declaredEvents, timeline.size());
		assertThat(kinds(added)).containsExactly("note@triage", "severity-changed@triage", "commander-changed@triage");
		assertThat(added).extracting(TimelineEvent::details)
			.containsExactly(Map.of("text", "vendor ticket 4411 opened"), Map.of("from", "sev1", "to", "sev2"),
					Map.of("from", "priya-natarajan", "to", "grace-kim"));
	}

	@Test
	void writesAPostmortemWithTimelineDecisionsAndTimes() {
		Runbook outage = catalog().runbook("ai-outage").orElseThrow();
		long id = declare("ai-outage", null).id();
		at(2, () -> walk.choose(id, "triage", "Hard outage", PRIYA, null));
		at(5, () -> walk.choose(id, "hard-outage", "Switch to the secondary route", GRACE, null));
		at(6, () -> actions.run(id, "switch-route", 1, GRACE, null));
		at(7, () -> walk.choose(id, "switch-route", "1", GRACE, null));
		at(10, () -> walk.choose(id, "verify-secondary", "Secondary healthy", PRIYA, null));
		at(20, () -> updates.note(id, "OpenAI status page: resolved", PRIYA, null));
		at(22, () -> walk.choose(id, "monitor", "Provider recovered", PRIYA, null));
		at(30, () -> walk.choose(id, "recover", "Primary healthy", PRIYA, null));
		at(45, () -> updates.resolve(id, "OpenAI 5xx for 40 minutes; flipped to Anthropic.", PRIYA, null));

		String md = postmortems.markdown(id);

		assertThat(md).startsWith("# Postmortem: INC-" + id + " — AI provider outage\n")
			.contains("| Severity | sev1 |", "| Commander | priya-natarajan |",
					"| Runbook | ai-outage @ " + outage.version().sha256().substring(0, 12) + " |", "| Status | resolved |",
					"| Declared | 2026-11-18T12:00:00Z |", "| Time to first decision | 2 min 0 s |",
					"| Time to mitigation | 30 min 0 s |", "| Time to resolution | 45 min 0 s |",
					"\nOpenAI 5xx for 40 minutes; flipped to Anthropic.\n")
			.contains("- T+2m at `triage`: **Hard outage** by priya-natarajan\n",
					"- T+5m at `hard-outage`: **Switch to the secondary route** by grace-kim\n",
					"- T+30m at `recover`: **Primary healthy** by priya-natarajan\n")
			.contains("- T+6m `gateway flip invoice-extraction secondary`: approval-requested");
		List<TimelineEvent> timeline = incidents.timeline(id);
		int previous = md.indexOf("## Timeline");
		assertThat(previous).isPositive();
		for (TimelineEvent e : timeline) {
			String row = "| " + e.seq() + " | " + e.at() + " | T+"
					+ Duration.between(TestClock.START, e.at()).toMinutes() + "m | " + e.type().wire() + " | " + e.actor()
					+ " | " + (e.step() == null ? "" : e.step()) + " | ";
			int at = md.indexOf(row, previous);
			assertThat(at).as("timeline row %s after the previous one", row).isGreaterThan(previous);
			previous = at;
		}
		assertThat(md).contains("| " + timeline.size() + " | 2026-11-18T12:45:00Z | T+45m | resolved | priya-natarajan | resolved |");
	}

	@Test
	void timesTheFirstDecisionOnceWithAClockFinerThanTheDatabase() {
		Timer firstDecision = meters.get("switchboard.time.to.first.decision").timer();
		long before = firstDecision.count();
		double secondsBefore = firstDecision.totalTime(TimeUnit.SECONDS);
		clock.set(TestClock.START.plusNanos(123_456_789));
		long id = declare("ai-outage", null).id();
		clock.advance(Duration.ofSeconds(90));

		Incident decided = walk.choose(id, "triage", "1", PRIYA, null).result();
		clock.advance(MINUTE);
		walk.choose(id, "hard-outage", "1", PRIYA, null);

		assertThat(firstDecision.count()).as("one first decision timed").isEqualTo(before + 1);
		assertThat(firstDecision.totalTime(TimeUnit.SECONDS) - secondsBefore).isCloseTo(90, within(0.001));
		assertThat(withoutVersion(incidents.get(id)).firstDecisionAt()).isEqualTo(decided.firstDecisionAt());
	}

	@Test
	void keepsWalkingThePinnedVersionAfterTheRunbookFileChanges() throws IOException {
		Path file = catalogProperties.runbooksDir().resolve("model-deprecation.md");
		String original = Files.readString(file);
		String oldSha = catalog().runbook("model-deprecation").orElseThrow().version().sha256();
		long pinned = declare("model-deprecation", null).id();
		String edited = original.replace("## <a name=\"check-sunset\"></a>Which model, which routes, which date?",
				"## <a name=\"which-model\"></a>Identify the retiring model");
		assertThat(edited).isNotEqualTo(original);
		try {
			Files.writeString(file, edited);
			Catalog reloaded = catalogs.reload();
			Runbook current = reloaded.runbook("model-deprecation").orElseThrow();
			assertThat(current.version().sha256()).as("the edit is served; findings: " + reloaded.findings())
				.isNotEqualTo(oldSha);
			assertThat(current.steps().get(0).id()).isEqualTo("which-model");

			IncidentState old = incidents.state(pinned);
			assertThat(old.runbook().version().sha256()).isEqualTo(oldSha);
			assertThat(old.step().id()).isEqualTo("check-sunset");
			assertThat(old.runbook().step("which-model")).isEmpty();
			Incident walked = walk.choose(pinned, "check-sunset", "Sunset has passed", PRIYA, null).result();
			assertThat(walked.currentStep()).isEqualTo("sunset-passed");
			assertThat(walked.currentRunbookSha256()).isEqualTo(oldSha);
			assertThat(walk.back(pinned, "check-sunset", PRIYA, null).result().currentStep()).isEqualTo("check-sunset");

			Incident fresh = declare("model-deprecation", null);
			assertThat(fresh.runbookSha256()).isEqualTo(current.version().sha256());
			assertThat(fresh.currentStep()).isEqualTo("which-model");
			assertThat(walk.choose(fresh.id(), "which-model", "2", PRIYA, null).result().currentStep())
				.isEqualTo("pick-replacement");
		}
		finally {
			Files.writeString(file, original);
			assertThat(catalogs.reload().runbook("model-deprecation").orElseThrow().version().sha256()).isEqualTo(oldSha);
		}
	}

	@Test
	void anIncidentDeclaredOnTheOldStepIdsIsWalkedToTheEndAfterTheUpgrade() throws IOException {
		Path dir = catalogProperties.runbooksDir();
		Map<Path, String> shipped = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			files.filter(f -> f.toString().endsWith(".md")).forEach(f -> shipped.put(f, read(f)));
		}
		Path renumbered = dir.resolve("renumbered-check.md");
		try {
			// before: the runbooks in the '## Title {#id}' form, and one whose plain heading the old
			// parser numbered differently (it counted '##' steps only, GitHub counts the '#' title too)
			for (Map.Entry<Path, String> e : shipped.entrySet()) {
				Files.writeString(e.getKey(), dev.switchboard.runbook.OldHeadingIds.restore(e.getValue()));
			}
			Files.writeString(renumbered, """
					---
					id: renumbered-check
					title: Check
					summary: A plain heading that repeats the title.
					severity: sev3
					owner: ai-platform
					services: [invoice-extraction]
					last_reviewed: 2026-11-01
					---

					# Check

					## Check

					- [Done](#done)

					## Done

					**Resolution:** resolved
					""");
			assertThat(catalogs.reload().findings()).noneMatch(f -> f.isError());
			long pinned = declare("ai-outage", null).id();
			long handedOver = declare("ai-outage", null).id();
			walk.choose(pinned, "triage", "Hard outage", PRIYA, null);
			long renamed = declare("renumbered-check", null).id();
			assertThat(incidents.get(renamed).currentStep()).isEqualTo("check-1");
			// what the previous version recorded for it: its id for that step
			jdbc.sql("UPDATE incident SET current_step = 'check' WHERE id = :id").param("id", renamed).update();

			// the upgrade: the runbooks as shipped now (lint --fix's anchors)
			shipped.forEach((file, text) -> write(file, text));
			Catalog upgraded = catalogs.reload();
			assertThat(upgraded.findings()).noneMatch(f -> f.isError());
			assertThat(upgraded.runbook("ai-outage").orElseThrow().step("switch-route")).isPresent();

			Incident a = walk.choose(pinned, "hard-outage", "Switch to the secondary route", PRIYA, null).result();
			a = walk.choose(pinned, "switch-route", "1", PRIYA, null).result();
			a = walk.choose(pinned, "verify-secondary", "Secondary healthy", PRIYA, null).result();
			a = walk.choose(pinned, "monitor", "Provider recovered", PRIYA, null).result();
			a = walk.choose(pinned, "recover", "Primary healthy", PRIYA, null).result();
			assertThat(a.currentStep()).isEqualTo("resolved");
			assertThat(a.status()).isEqualTo(IncidentStatus.MITIGATED);
			assertThat(updates.resolve(pinned, "walked across the upgrade", PRIYA, null).result().status())
				.isEqualTo(IncidentStatus.RESOLVED);

			Incident b = walk.choose(handedOver, "triage", "Silent degradation", PRIYA, null).result();
			assertThat(b.currentStep()).as("the old link into the migrated format-drift.md").isEqualTo("confirm-drift");
			assertThat(incidents.state(handedOver).runbook().version().sha256())
				.isEqualTo(upgraded.runbook("format-drift").orElseThrow().version().sha256());
			b = walk.choose(handedOver, "confirm-drift", "Cannot reproduce", PRIYA, null).result();
			assertThat(b.currentStep()).isEqualTo("no-drift");
			assertThat(b.status()).isEqualTo(IncidentStatus.MITIGATED);

			IncidentState old = incidents.state(renamed);
			assertThat(old.step().id()).as("the recorded 'check' is a former id of today's 'check-1'").isEqualTo("check-1");
			assertThat(old.step().formerIds()).containsExactly("check");
			Incident c = walk.choose(renamed, "check", "Done", PRIYA, null).result();
			assertThat(c.currentStep()).isEqualTo("done");
			assertThat(c.status()).isEqualTo(IncidentStatus.MITIGATED);
			assertThat(Incidents.path(c, incidents.timeline(renamed))).endsWith("check-1", "done");
		}
		finally {
			shipped.forEach((file, text) -> write(file, text));
			Files.deleteIfExists(renumbered);
			catalogs.reload();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// helpers

	@Test
	void keepsTheLastSequenceNumberOnTheIncidentRowAndAnswersChangesWithTheRowAsCommitted() {
		Incident declared = declare("ai-outage", null);
		Incident chosen = walk.choose(declared.id(), "triage", "1", PRIYA, null).result();
		Incident noted = updates.note(declared.id(), "looking at the provider status page", PRIYA, null).result();

		List<TimelineEvent> timeline = incidents.timeline(declared.id());
		assertGapFree(timeline);
		assertThat(declared.lastSeq()).isEqualTo(kinds(timeline).indexOf("step-entered@triage") + 1);
		assertThat(chosen.lastSeq()).isEqualTo(timeline.size() - 1);
		assertThat(noted.lastSeq()).isEqualTo(timeline.size());
		assertThat(noted).isEqualTo(incidents.get(declared.id()));
		assertThat(incidents.state(chosen).timeline()).isEqualTo(timeline.subList(0, chosen.lastSeq()));
	}

	@Test
	void showsTimelineEventsAnotherReplicaAppendedAfterTheOnesItAlreadyRead() {
		long id = declare("ai-outage", null).id();
		int before = incidents.state(id).timeline().size();
		// what another replica's change writes: the next event, and last_seq and version on the row
		jdbc.sql("""
				INSERT INTO timeline_event (incident_id, seq, type, actor, at, step, details)
				VALUES (:id, :seq, 'note', 'grace-kim', :at, 'triage', '{"text":"from the other replica"}')""")
			.param("id", id)
			.param("seq", before + 1)
			.param("at", TestClock.START.atOffset(java.time.ZoneOffset.UTC))
			.update();
		jdbc.sql("UPDATE incident SET last_seq = last_seq + 1, version = version + 1 WHERE id = :id").param("id", id).update();

		IncidentState state = incidents.state(id);

		assertThat(state.timeline()).hasSize(before + 1);
		assertThat(state.timeline()).isEqualTo(incidents.timeline(id));
		assertThat(state.timeline().get(before).details()).containsEntry("text", "from the other replica");
	}

	private Incident declare(String runbook, String severity) {
		return declarations.declare(new Declarations.Request(runbook, severity, null, false, null), PRIYA, null).result();
	}

	private void at(int minutes, Runnable change) {
		clock.set(TestClock.START.plus(Duration.ofMinutes(minutes)));
		change.run();
	}

	private Catalog catalog() {
		return catalogs.current();
	}

	private String storedSource(String sha) {
		return jdbc.sql("SELECT source FROM runbook_version WHERE sha256 = :sha").param("sha", sha).query(String.class).single();
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("incident", "timeline_event", "runbook_version", "idempotency_key")) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	/** An incident and its timeline, to show that a refused request recorded nothing. */
	record Snapshot(Incident incident, List<TimelineEvent> timeline) {
	}

	private Snapshot snapshot(long id) {
		return new Snapshot(incidents.get(id), incidents.timeline(id));
	}

	private static boolean mitigates(Step step) {
		return step.terminal() && ("mitigated".equals(step.resolution()) || "resolved".equals(step.resolution()));
	}

	private static Path copyOf(Path from, Path to) {
		try (Stream<Path> files = Files.list(from)) {
			for (Path f : files.toList()) {
				Path target = to.resolve(f.getFileName().toString());
				if (!Files.exists(target)) {
					Files.copy(f, target);
				}
			}
			return to;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
