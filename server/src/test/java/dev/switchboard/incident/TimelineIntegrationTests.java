package dev.switchboard.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.switchboard.incident.IncidentAssertions.assertGapFree;
import static dev.switchboard.incident.IncidentAssertions.kinds;
import static org.assertj.core.api.Assertions.assertThat;

/** The timeline is append-only and durable: nothing rewrites it, and it survives a restart. */
class TimelineIntegrationTests {

	/** Any SQL that would rewrite or remove timeline rows. */
	static final Pattern REWRITES = Pattern.compile(
			"(?i)\\b(update\\s+timeline_event|delete\\s+from\\s+timeline_event|delete\\s+timeline_event"
					+ "|truncate\\s+(table\\s+)?timeline_event|merge\\s+into\\s+timeline_event"
					+ "|drop\\s+table\\s+(if\\s+exists\\s+)?timeline_event)\\b");

	static final Pattern APPENDS = Pattern.compile("(?i)\\binsert\\s+into\\s+timeline_event\\b");

	static final Actor PRIYA = new Actor("priya-natarajan");

	@Test
	void hasNoStatementThatUpdatesOrDeletesTimelineEvents() {
		assertThat(REWRITES.matcher("jdbc.sql(\"\"\"\n  DELETE\n FROM timeline_event WHERE seq = 1\"\"\")").find())
			.as("the scan recognises a rewrite written over several lines")
			.isTrue();
		Map<String, String> texts = new TreeMap<>();
		for (Path root : List.of(Path.of("src/main"), Path.of("target/classes"), Path.of("../bot/src/main"))) {
			texts.putAll(texts(root));
		}
		assertThat(texts.keySet()).as("the scan covers the store, the migrations and the compiled classes")
			.anyMatch(f -> f.endsWith("internal/TimelineStore.java"))
			.anyMatch(f -> f.endsWith("internal/TimelineStore.class"))
			.anyMatch(f -> f.endsWith("db/migration/V1__incident.sql"));
		assertThat(texts.entrySet()).filteredOn(e -> APPENDS.matcher(e.getValue()).find())
			.as("the scan sees how the timeline is written")
			.extracting(Map.Entry::getKey)
			.anyMatch(f -> f.endsWith("TimelineStore.java"))
			.anyMatch(f -> f.endsWith("TimelineStore.class"));

		Map<String, String> rewrites = new TreeMap<>();
		texts.forEach((file, text) -> {
			Matcher m = REWRITES.matcher(text);
			if (m.find()) {
				rewrites.put(file, m.group());
			}
		});
		assertThat(rewrites).as("statements that would rewrite the timeline").isEmpty();
	}

	@Test
	void keepsTheTimelineAcrossARestartOnAFileDatabase(@TempDir Path data) {
		String url = H2.file(data.resolve("switchboard"));
		long id;
		Incident before;
		IncidentState stateBefore;
		try (ConfigurableApplicationContext first = EngineContexts.start(url, "before-restart")) {
			Walk walk = first.getBean(Walk.class);
			IncidentUpdates updates = first.getBean(IncidentUpdates.class);
			id = first.getBean(Declarations.class)
				.declare(new Declarations.Request("ai-outage", null, "invoice-extraction", false, null), PRIYA, "restart-1")
				.result()
				.id();
			walk.choose(id, "triage", "Hard outage", PRIYA, null);
			walk.choose(id, "hard-outage", "Switch to the secondary route", PRIYA, null);
			first.getBean(StepActions.class).run(id, "switch-route", 1, PRIYA, null);
			walk.back(id, "hard-outage", PRIYA, null);
			updates.note(id, "flip refused: no gateway here", PRIYA, null);
			updates.severity(id, "sev2", PRIYA, null);
			before = first.getBean(Incidents.class).get(id);
			stateBefore = first.getBean(Incidents.class).state(id);
		}
		assertThat(data.resolve("switchboard.mv.db")).exists();

		try (ConfigurableApplicationContext second = EngineContexts.start(url, "after-restart")) {
			Incidents incidents = second.getBean(Incidents.class);
			IncidentState stateAfter = incidents.state(id);

			assertThat(incidents.get(id)).isEqualTo(before);
			assertThat(stateAfter.timeline()).isEqualTo(stateBefore.timeline());
			assertThat(stateAfter.path()).isEqualTo(stateBefore.path()).containsExactly("triage", "hard-outage");
			assertThat(stateAfter.runbook().version()).isEqualTo(stateBefore.runbook().version());
			assertThat(second.getBean(Declarations.class)
				.declare(new Declarations.Request("ai-outage", null, "invoice-extraction", false, null), PRIYA, "restart-1")
				.replayed()).as("request keys survive the restart too").isTrue();

			Incident walked = second.getBean(Walk.class).choose(id, "hard-outage", "Fail open to humans", PRIYA, null).result();

			assertThat(walked.currentStep()).isEqualTo("fail-open");
			List<TimelineEvent> timeline = incidents.timeline(id);
			assertGapFree(timeline);
			assertThat(timeline.subList(0, stateBefore.timeline().size())).isEqualTo(stateBefore.timeline());
			assertThat(kinds(timeline.subList(stateBefore.timeline().size(), timeline.size())))
				.containsExactly("choice-made@hard-outage", "step-entered@fail-open");
		}
	}

	private static Map<String, String> texts(Path root) {
		Map<String, String> texts = new TreeMap<>();
		if (!Files.isDirectory(root)) {
			return texts;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				String name = f.getFileName().toString();
				if (name.endsWith(".java") || name.endsWith(".sql") || name.endsWith(".class") || name.endsWith(".xml")
						|| name.endsWith(".properties") || name.endsWith(".yaml") || name.endsWith(".yml")) {
					// ISO-8859-1 maps every byte to a character, so constant strings in class files read as text
					texts.put(f.toString().replace('\\', '/'), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return texts;
	}
}
