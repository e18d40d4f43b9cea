package dev.switchboard.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.lint.Severity;
import dev.switchboard.runbook.LintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lint rule against a runbook that breaks it. Each folder under
 * {@code src/test/resources/runbooks/broken/} holds the runbook(s) of one defect, linted against
 * the shared {@code runbooks/ownership.yaml}; the findings it must produce are written in the
 * runbooks themselves as {@code <!-- expect: 14 unknown-step -->} (line, rule, and
 * {@code warning} for warnings; several per comment separated by commas, or several comments).
 * Adding a folder adds a case.
 */
class BrokenRunbookTests {

	static final Path FIXTURES = resource("/runbooks");

	static final Path BROKEN = FIXTURES.resolve("broken");

	static final Path OWNERSHIP = FIXTURES.resolve("ownership.yaml");

	static final LintOptions OPTIONS = new LintOptions(LocalDate.of(2026, 11, 22), Duration.ofDays(180));

	private static final Pattern EXPECT = Pattern.compile("<!--\\s*expect:(.*?)-->", Pattern.DOTALL);

	private static final Pattern ENTRY = Pattern.compile("(\\d+)\\s+([a-z][a-z-]*)(?:\\s+(warning|error))?");

	/** One finding as the fixtures state it. */
	record Expected(String file, int line, String rule, Severity severity) {

		static Expected of(Finding finding) {
			return new Expected(Path.of(finding.file()).getFileName().toString(), finding.line(), finding.rule(),
					finding.severity());
		}

		@Override
		public String toString() {
			return file + ":" + line + " " + rule + (severity == Severity.WARNING ? " (warning)" : "");
		}
	}

	static Stream<String> cases() throws IOException {
		try (Stream<Path> dirs = Files.list(BROKEN)) {
			return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void reportsExactlyTheFindingsWrittenInTheFixture(String name) {
		Path dir = BROKEN.resolve(name);
		List<Expected> expected = expectations(dir);
		assertThat(expected).as("%s declares its findings as <!-- expect: <line> <rule> -->", name).isNotEmpty();

		LintReport report = new CatalogLoader().lint(dir, OWNERSHIP, OPTIONS);

		List<Expected> actual = report.findings().stream().map(Expected::of).toList();
		assertThat(actual).as("findings of %s:%n%s", name, lines(report))
			.containsExactlyInAnyOrderElementsOf(expected);
		boolean errorsExpected = expected.stream().anyMatch(e -> e.severity() == Severity.ERROR);
		assertThat(report.passed()).as("lint passes (exit code 0) exactly when no error is expected").isEqualTo(!errorsExpected);
		assertThat(report.errors() > 0).isEqualTo(errorsExpected);
	}

	@Test
	void sharedOwnershipFixtureLintsClean() throws IOException {
		Path empty = Files.createTempDirectory("no-runbooks");
		try {
			LintReport report = new CatalogLoader().lint(empty, OWNERSHIP, OPTIONS);

			assertThat(report.findings()).isEmpty();
		}
		finally {
			Files.delete(empty);
		}
	}

	@Test
	void readsExpectationsWithLinesRulesAndSeverities() throws IOException {
		Path dir = Files.createTempDirectory("expectations");
		try {
			Files.writeString(dir.resolve("a.md"),
					"x\n<!-- expect: 3 unknown-step, 7 stale-review warning -->\n<!--expect: 1 front-matter error-->\n");

			assertThat(expectations(dir)).containsExactly(new Expected("a.md", 3, "unknown-step", Severity.ERROR),
					new Expected("a.md", 7, "stale-review", Severity.WARNING),
					new Expected("a.md", 1, "front-matter", Severity.ERROR));
		}
		finally {
			Files.delete(dir.resolve("a.md"));
			Files.delete(dir);
		}
	}

	/** The expectations of every runbook of a case folder (read as Latin-1: some fixtures are not UTF-8 on purpose). */
	static List<Expected> expectations(Path dir) {
		List<Expected> expected = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
				Matcher comment = EXPECT.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
				while (comment.find()) {
					for (String entry : comment.group(1).split(",")) {
						Matcher m = ENTRY.matcher(entry.trim());
						assertThat(m.matches()).as("'%s' in %s reads '<line> <rule> [warning]'", entry.trim(), file).isTrue();
						expected.add(new Expected(file.getFileName().toString(), Integer.parseInt(m.group(1)), m.group(2),
								"warning".equals(m.group(3)) ? Severity.WARNING : Severity.ERROR));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return expected;
	}

	private static String lines(LintReport report) {
		return report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
	}

	static Path resource(String name) {
		try {
			return Path.of(BrokenRunbookTests.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
