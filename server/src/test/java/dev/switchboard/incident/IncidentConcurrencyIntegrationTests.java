package dev.switchboard.incident;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.ConcurrencyFailureException;

import dev.switchboard.TestApplication;
import dev.switchboard.incident.IncidentException.Code;

import static dev.switchboard.incident.IncidentAssertions.assertGapFree;
import static dev.switchboard.incident.IncidentAssertions.kinds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clicks that arrive together: several people deciding the same step, a retried webhook, a
 * double-clicked declaration. Every guard is in the database, so the same scenarios also run
 * against two application contexts sharing one PostgreSQL (see
 * {@link IncidentConcurrencyPostgresIntegrationTests}).
 */
@SpringBootTest(classes = { TestApplication.class, EngineTestConfiguration.class }, webEnvironment = WebEnvironment.NONE,
		properties = { "switchboard.catalog.runbooks=../runbooks", "switchboard.catalog.ownership=../ownership.yaml" })
abstract class IncidentConcurrencyIntegrationTests {

	static final int THREADS = 8;

	/** Eight different people from ownership.yaml, one per thread. */
	static final List<Actor> PEOPLE = List.of("amelie-laurent", "karim-haddad", "sofia-marchetti", "lucas-bernard",
			"priya-natarajan", "daniel-okafor", "grace-kim", "mateo-alvarez")
		.stream()
		.map(Actor::new)
		.toList();

	/** The application services one replica offers. */
	record Engine(Declarations declarations, Walk walk, IncidentUpdates updates, Incidents incidents) {

		static Engine of(ApplicationContext context) {
			return new Engine(context.getBean(Declarations.class), context.getBean(Walk.class),
					context.getBean(IncidentUpdates.class), context.getBean(Incidents.class));
		}
	}

	private final Engine engine;

	IncidentConcurrencyIntegrationTests(ApplicationContext context) {
		this.engine = Engine.of(context);
	}

	@Test
	void declaresOnceWhenTheSameDeclarationArrivesEightTimesAtOnce() throws InterruptedException {
		declaresOnce(i -> engine, "race-declare");
	}

	@Test
	void appliesTheSameRequestKeyOnceWhenSentEightTimesAtOnce() throws InterruptedException {
		long id = declare(engine);

		choosesOnceWithOneKey(i -> engine, id, "triage", "race-same-key");

		assertThat(engine.incidents().get(id).currentStep()).isEqualTo("hard-outage");
	}

	@Test
	void decidesAStepOnceWhenEightPeopleChooseDifferentChoicesAtOnce() throws InterruptedException {
		long id = declare(engine);

		decidesOnce(i -> engine, id, "triage", "race-choice-");
	}

	@Test
	void keepsEveryDistinctChangeAndDropsEveryRepeatWhenWrittenAtOnce() throws InterruptedException {
		long id = declare(engine);

		keepsDistinctChanges(i -> engine, id, "race-note-");
	}

	// scenarios, shared with the two-replica test

	static long declare(Engine engine) {
		return engine.declarations()
			.declare(new Declarations.Request("ai-outage", null, null, false, null), PEOPLE.get(4), null)
			.result()
			.id();
	}

	static long declaresOnce(IntFunction<Engine> engines, String key) throws InterruptedException {
		int before = engines.apply(0).incidents().list(false, 100_000).size();

		List<Race.Outcome<Applied<Incident>>> outcomes = Race.run(THREADS,
				i -> engines.apply(i)
					.declarations()
					.declare(new Declarations.Request("llm-down", "sev2", "invoice-extraction", false, null),
							PEOPLE.get(i), key));

		assertAllSucceeded(outcomes);
		Set<Long> ids = outcomes.stream().map(o -> o.value().result().id()).collect(Collectors.toSet());
		assertThat(ids).as("every request sees the one incident").hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.value().replayed()).as("applied").hasSize(1);
		assertThat(engines.apply(0).incidents().list(false, 100_000)).hasSize(before + 1);
		long id = ids.iterator().next();
		List<TimelineEvent> timeline = engines.apply(0).incidents().timeline(id);
		assertGapFree(timeline);
		assertThat(kinds(timeline)).containsExactly("declared", "mention-sent", "mention-sent", "step-entered@triage");
		return id;
	}

	static void choosesOnceWithOneKey(IntFunction<Engine> engines, long id, String step, String key)
			throws InterruptedException {
		int before = engines.apply(0).incidents().timeline(id).size();

		List<Race.Outcome<Applied<Incident>>> outcomes = Race.run(THREADS,
				i -> engines.apply(i).walk().choose(id, step, "1", PEOPLE.get(i), key));

		assertAllSucceeded(outcomes);
		assertThat(outcomes).filteredOn(o -> !o.value().replayed()).as("applied").hasSize(1);
		assertThat(outcomes).filteredOn(o -> o.value().replayed()).as("replayed").hasSize(THREADS - 1);
		List<TimelineEvent> timeline = engines.apply(0).incidents().timeline(id);
		assertGapFree(timeline);
		assertThat(kinds(timeline.subList(before, timeline.size()))).as("one click's events, once")
			.hasSize(2)
			.startsWith("choice-made@" + step);
	}

	static Incident decidesOnce(IntFunction<Engine> engines, long id, String step, String keyPrefix)
			throws InterruptedException {
		Engine reader = engines.apply(0);
		int choices = reader.incidents().state(id).step().choices().size();
		assertThat(choices).as("a decision").isGreaterThan(1);
		int before = reader.incidents().timeline(id).size();

		List<Race.Outcome<Applied<Incident>>> outcomes = Race.run(THREADS,
				i -> engines.apply(i).walk().choose(id, step, String.valueOf(i % choices + 1), PEOPLE.get(i), keyPrefix + i));

		List<Race.Outcome<Applied<Incident>>> won = outcomes.stream().filter(Race.Outcome::succeeded).toList();
		assertThat(won).as("exactly one choice wins: " + describe(outcomes)).hasSize(1);
		assertThat(won.get(0).value().replayed()).isFalse();
		outcomes.stream().filter(o -> !o.succeeded()).forEach(o -> assertThat(o.error())
			.as("thread %d lost the race honestly", o.thread())
			.satisfiesAnyOf(e -> assertThat(e).isInstanceOfSatisfying(IncidentException.class,
					ie -> assertThat(ie.code()).isEqualTo(Code.STEP_ALREADY_DECIDED)),
					e -> assertThat(e).isInstanceOf(ConcurrencyFailureException.class)));
		Incident winner = won.get(0).value().result();
		assertThat(reader.incidents().get(id).currentStep()).isEqualTo(winner.currentStep());
		List<TimelineEvent> timeline = reader.incidents().timeline(id);
		assertGapFree(timeline);
		List<TimelineEvent> added = timeline.subList(before, timeline.size());
		// the winning choice may hand over to another runbook (triage → format-drift.md), which records the switch
		assertThat(kinds(added)).filteredOn(kind -> !kind.equals("runbook-changed"))
			.containsExactly("choice-made@" + step, "step-entered@" + winner.currentStep());
		assertThat(kinds(added)).hasSizeBetween(2, 3);
		assertThat(added.get(0).actor()).isEqualTo(PEOPLE.get(won.get(0).thread()).personId());
		return winner;
	}

	static void keepsDistinctChanges(IntFunction<Engine> engines, long id, String keyPrefix) throws InterruptedException {
		int before = engines.apply(0).incidents().timeline(id).size();

		List<Race.Outcome<Applied<Incident>>> outcomes = Race.run(THREADS,
				i -> engines.apply(i).updates().note(id, "note " + i % 4, PEOPLE.get(i), keyPrefix + i % 4));

		assertAllSucceeded(outcomes);
		assertThat(outcomes).filteredOn(o -> !o.value().replayed()).as("each distinct key applied").hasSize(4);
		List<TimelineEvent> timeline = engines.apply(0).incidents().timeline(id);
		assertGapFree(timeline);
		List<TimelineEvent> notes = timeline.subList(before, timeline.size());
		assertThat(notes).extracting(e -> e.type()).containsOnly(EventType.NOTE);
		assertThat(notes).extracting(e -> e.detail("text"))
			.as("four notes, none lost, none twice")
			.containsExactlyInAnyOrder("note 0", "note 1", "note 2", "note 3");
	}

	static <T> void assertAllSucceeded(List<Race.Outcome<T>> outcomes) {
		assertThat(outcomes).as(() -> describe(outcomes)).allMatch(Race.Outcome::succeeded);
	}

	static <T> String describe(List<Race.Outcome<T>> outcomes) {
		return outcomes.stream()
			.map(o -> o.thread() + ": " + (o.succeeded() ? String.valueOf(o.value()) : o.error().toString()))
			.collect(Collectors.joining("\n", "\n", "\n"));
	}
}
