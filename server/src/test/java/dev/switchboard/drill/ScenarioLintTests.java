package dev.switchboard.drill;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill scenarios go through the one lint orchestration ({@link CatalogLoader}), so
 * {@code switchboard lint} reports them as {@code file:line: message}. Each fixture under
 * {@code src/test/resources/drills/broken/} states its findings in a first-line comment
 * ({@code # expect: 9 unknown-choice, 12 invalid-time}) and is linted beside the shipped runbooks.
 */
class ScenarioLintTests {

	static final Path SHIPPED = Path.of("../runbooks");

	static final Path OWNERSHIP = Path.of("../ownership.yaml");

	static final LintOptions OPTIONS = new LintOptions(LocalDate.of(2026, 11, 22), Duration.ofDays(180));

	private static final Pattern ENTRY = Pattern.compile("(\\d+)\\s+([a-z][a-z-]*)");

	@TempDir
	Path folder;

	static Stream<String> brokenScenarios() throws IOException, URISyntaxException {
		try (Stream<Path> files = Files.list(broken())) {
			return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
		}
	}

	@Test
	void shippedRunbooksAndScenariosLintClean() {
		LintReport report = new CatalogLoader().lint(SHIPPED, OWNERSHIP, OPTIONS);

		assertThat(report.findings()).as(report.findings().toString()).isEmpty();
		assertThat(report.filesChecked()).isGreaterThanOrEqualTo(5 + 4);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenScenarios")
	void reportsBadScenarioAtFileAndLine(String fixture) throws Exception {
		Path runbooks = copyShippedRunbooks();
		Files.copy(broken().resolve(fixture), runbooks.resolve("drills").resolve(fixture));

		LintReport report = new CatalogLoader().lint(runbooks, OWNERSHIP, OPTIONS);

		List<String> actual = report.findings().stream()
			.filter(f -> f.file().endsWith(fixture))
			.map(f -> f.line() + " " + f.rule())
			.toList();
		assertThat(actual).as(report.findings().toString()).containsExactlyInAnyOrderElementsOf(expected(fixture));
		assertThat(report.passed()).isFalse();
		assertThat(report.findings().stream().filter(f -> f.file().endsWith(fixture)).map(Finding::toString))
			.allMatch(line -> line.matches(".*drills/" + Pattern.quote(fixture) + ":\\d+: .+"));
	}

	@Test
	void warnsAboutRunbooksNoScenarioRehearses() throws Exception {
		Path runbooks = copyShippedRunbooks();
		try (Stream<Path> files = Files.list(runbooks.resolve("drills"))) {
			for (Path p : files.filter(p -> p.getFileName().toString().startsWith("harmful-output")).toList()) {
				Files.delete(p);
			}
		}

		LintReport report = new CatalogLoader().lint(runbooks, OWNERSHIP, OPTIONS);

		assertThat(report.findings()).extracting(Finding::rule, f -> Path.of(f.file()).getFileName().toString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("undrilled", "harmful-output.md"));
		assertThat(report.passed()).isTrue();
	}

	private Path copyShippedRunbooks() throws IOException {
		Path drills = Files.createDirectories(folder.resolve("runbooks").resolve("drills"));
		try (Stream<Path> files = Files.walk(SHIPPED)) {
			for (Path p : files.filter(Files::isRegularFile).toList()) {
				Path target = folder.resolve("runbooks").resolve(SHIPPED.relativize(p).toString());
				Files.createDirectories(target.getParent());
				Files.copy(p, target);
			}
		}
		return drills.getParent();
	}

	private static List<String> expected(String fixture) throws Exception {
		String first = Files.readAllLines(broken().resolve(fixture)).get(0);
		List<String> out = new ArrayList<>();
		Matcher m = ENTRY.matcher(first.substring(first.indexOf("expect:") + 7));
		while (m.find()) {
			out.add(m.group(1) + " " + m.group(2));
		}
		return out;
	}

	private static Path broken() throws URISyntaxException {
		return Path.of(ScenarioLintTests.class.getResource("/drills/broken").toURI());
	}
}
