package dev.switchboard.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.RunbookParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code switchboard lint --fix} on a copy of the shipped runbooks as they were before anchors
 * ({@code ## Title {#id}}): it writes exactly the shipped runbooks, the step ids and choices stay,
 * and lint says the same before and after but for the warnings the fix answers.
 */
class LintFixTests {

	private static final Path SHIPPED = Path.of("../runbooks").toAbsolutePath().normalize();

	private static final Path OWNERSHIP = Path.of("../ownership.yaml").toAbsolutePath().normalize();

	private static final Pattern ANCHORED = Pattern.compile("(?m)^(##[ \\t]+)<a name=\"([^\"]+)\"></a>(.*?)[ \\t]*$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a run printed and returned. */
	private record Run(int exit, String out, String err) {
	}

	@Test
	void fixTurnsTheOldHeadingIdsIntoAnchorsWithTheSameLintResultAndTheSameSteps(@TempDir Path dir) throws IOException {
		Path runbooks = copyOfShippedRunbooksInTheOldForm(dir);
		Map<String, String> old = texts(runbooks);
		Run before = lint(runbooks, "--format", "json");
		List<String> beforeFindings = findings(before.out());
		long legacy = beforeFindings.stream().filter(f -> f.contains("[legacy-heading-id]")).count();
		assertThat(legacy).as("one warning per old heading id").isEqualTo(countOldIds(old));

		Run fixed = lint(runbooks, "--fix", "--format", "json");

		assertThat(fixed.err()).contains("lint --fix: " + legacy + " '{#id}' headings in 4 files, rewritten");
		assertThat(fixed.exit()).as("same exit code").isEqualTo(before.exit());
		assertThat(findings(fixed.out())).as("the same findings but for the warnings the fix answers")
			.isEqualTo(beforeFindings.stream().filter(f -> !f.contains("[legacy-heading-id]")).toList());
		assertThat(texts(runbooks)).as("exactly the shipped runbooks").isEqualTo(texts(SHIPPED));
		for (Map.Entry<String, String> e : old.entrySet()) {
			assertThat(steps(texts(runbooks).get(e.getKey()))).as("steps and choices of %s", e.getKey())
				.isEqualTo(steps(e.getValue()));
		}
		assertThat(lint(runbooks, "--fix").err()).contains("no '{#id}' heading to rewrite");
	}

	@Test
	void fixWithDiffPrintsTheRewriteAndChangesNothing(@TempDir Path dir) throws IOException {
		Path runbooks = copyOfShippedRunbooksInTheOldForm(dir);
		Map<String, String> old = texts(runbooks);

		Run diff = lint(runbooks, "--fix", "--diff");

		assertThat(diff.exit()).isZero();
		assertThat(texts(runbooks)).as("nothing written").isEqualTo(old);
		assertThat(diff.out()).contains("--- a/" + runbooks.resolve("ai-outage.md").toString().replace('\\', '/'))
			.contains("\n-## Switch to the secondary route {#switch-route}\n+## <a name=\"switch-route\"></a>Switch to the secondary route\n");
		assertThat(diff.out().lines().filter(l -> l.startsWith("+## <a name=")).count()).isEqualTo(countOldIds(old));
		assertThat(diff.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).allMatch(l -> l.startsWith("-## ")))
			.as("only heading lines change").isTrue();
		assertThat(diff.err()).contains("nothing written");
		assertThat(lint(runbooks, "--diff").exit()).as("--diff alone is a usage error").isEqualTo(2);
	}

	private static Path copyOfShippedRunbooksInTheOldForm(Path dir) throws IOException {
		Path runbooks = dir.resolve("runbooks");
		Files.createDirectories(runbooks.resolve("drills"));
		try (Stream<Path> files = Files.list(SHIPPED)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
				String text = Files.readString(file);
				Files.writeString(runbooks.resolve(file.getFileName()), ANCHORED.matcher(text).replaceAll("$1$3 {#$2}"));
			}
		}
		try (Stream<Path> files = Files.list(SHIPPED.resolve("drills"))) {
			for (Path file : files.toList()) {
				Files.copy(file, runbooks.resolve("drills").resolve(file.getFileName()));
			}
		}
		Files.copy(OWNERSHIP, dir.resolve("ownership.yaml"));
		return runbooks;
	}

	private static long countOldIds(Map<String, String> texts) {
		return texts.values().stream().flatMap(String::lines).filter(l -> l.startsWith("## ") && l.endsWith("}")).count();
	}

	private static Run lint(Path runbooks, String... extra) {
		List<String> args = new ArrayList<>(List.of("--runbooks", runbooks.toString(), "--ownership",
				runbooks.resolveSibling("ownership.yaml").toString(), "--today", "2026-12-01"));
		args.addAll(List.of(extra));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = LintCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static List<String> findings(String json) {
		List<String> findings = new ArrayList<>();
		for (JsonNode f : JSON.readTree(json).get("findings")) {
			findings.add(Path.of(f.get("file").asString()).getFileName() + ":" + f.get("line").asInt() + " "
					+ f.get("severity").asString() + " " + f.get("message").asString() + " [" + f.get("rule").asString() + "]");
		}
		return findings;
	}

	private static Map<String, String> texts(Path dir) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
				texts.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		return texts;
	}

	private static List<String> steps(String text) {
		return new RunbookParser().parse("x.md", "x.md", text)
			.runbook()
			.steps()
			.stream()
			.map(s -> s.id() + " " + s.title() + " -> " + s.choices().stream().map(Choice::target).toList())
			.toList();
	}
}

