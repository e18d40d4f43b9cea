package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;
import dev.switchboard.runbook.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CatalogLoaderTests {

	static final Path SHIPPED_RUNBOOKS = Path.of("..", "runbooks");

	static final Path SHIPPED_OWNERSHIP = Path.of("..", "ownership.yaml");

	private static final LintOptions OPTIONS = new LintOptions(LocalDate.of(2026, 11, 22), Duration.ofDays(180));

	private final CatalogLoader loader = new CatalogLoader();

	@Test
	void lintsTheShippedRunbooksAndOwnershipWithoutErrorsOrWarnings() {
		LintReport report = loader.lint(SHIPPED_RUNBOOKS, SHIPPED_OWNERSHIP, OPTIONS);

		assertThat(report.findings()).isEmpty();
		assertThat(report.passed()).isTrue();
		assertThat(report.filesChecked()).as("ownership.yaml, 4 runbooks, 6 drill scenarios").isEqualTo(11);
		assertThat(report.summary()).isEqualTo("11 files checked: 0 errors, 0 warnings");
	}

	@Test
	void keepsEveryShippedRunbookValidWithItsSteps() {
		List<Finding> folder = new ArrayList<>();
		Map<String, CatalogLoader.CheckedFile> files = loader.checkRunbooks(SHIPPED_RUNBOOKS,
				loader.loadOwnership(SHIPPED_OWNERSHIP).ownership(), OPTIONS, folder);

		assertThat(folder).isEmpty();
		assertThat(files).containsOnlyKeys("ai-outage.md", "format-drift.md", "harmful-output.md", "model-deprecation.md");
		assertThat(files.values()).allSatisfy(f -> assertThat(f.valid()).as(f.file()).isTrue());
		Runbook aiOutage = files.get("ai-outage.md").runbook();
		assertThat(aiOutage.firstStep()).map(s -> s.id()).hasValue("triage");
		assertThat(aiOutage.coversAiOutage()).isTrue();
	}

	@Test
	void reportsAMissingRunbooksFolderAndOwnershipFileAsFindings(@TempDir Path dir) {
		LintReport report = loader.lint(dir.resolve("nope"), dir.resolve("ownership.yaml"), OPTIONS);

		assertThat(report.passed()).isFalse();
		assertThat(report.findings()).extracting(Finding::line, Finding::rule)
			.containsExactly(tuple(1, "unreadable"), tuple(1, "unreadable"));
	}

	@Test
	void skipsTheReadmeAndFilesThatAreNotMarkdown(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("README.md"), "# How to write runbooks\n\nNo front matter here.\n");
		Files.writeString(dir.resolve("notes.txt"), "not a runbook");
		Files.copy(SHIPPED_RUNBOOKS.resolve("harmful-output.md"), dir.resolve("harmful-output.md"));

		LintReport report = loader.lint(dir, SHIPPED_OWNERSHIP, OPTIONS);

		assertThat(report.filesChecked()).as("ownership.yaml and harmful-output.md").isEqualTo(2);
		assertThat(report.findings()).as("only links to the runbooks left out of this folder: ownership.yaml's, "
				+ "and harmful-output.md's prose link to format-drift.md")
			.isNotEmpty()
			.allSatisfy(f -> assertThat(f.file().endsWith("ownership.yaml")
					|| f.rule().equals("unknown-runbook") && f.message().contains("'format-drift.md'")).isTrue());
	}

	@Test
	void aReusingLoaderReparsesOnlyChangedFilesAndReportsTheSameAsAFreshOne(@TempDir Path dir) throws IOException {
		for (String name : List.of("ai-outage.md", "format-drift.md", "harmful-output.md", "model-deprecation.md")) {
			Files.copy(SHIPPED_RUNBOOKS.resolve(name), dir.resolve(name));
		}
		CatalogLoader reusing = CatalogLoader.reusingParses();
		var ownership = loader.loadOwnership(SHIPPED_OWNERSHIP).ownership();
		Map<String, CatalogLoader.CheckedFile> first = reusing.checkRunbooks(dir, ownership, OPTIONS, new ArrayList<>());
		Map<String, CatalogLoader.CheckedFile> again = reusing.checkRunbooks(dir, ownership, OPTIONS, new ArrayList<>());

		assertThat(again.get("ai-outage.md").runbook()).as("unchanged: not parsed again")
			.isSameAs(first.get("ai-outage.md").runbook());
		assertThat(again.get("ai-outage.md").source()).isEqualTo(Files.readString(dir.resolve("ai-outage.md")));

		// same size and modification time, different content: still parsed again
		Path file = dir.resolve("harmful-output.md");
		var modified = Files.getLastModifiedTime(file);
		String text = Files.readString(file);
		Files.writeString(file, text.replace("severity: sev1", "severity: sev9"));
		Files.setLastModifiedTime(file, modified);
		Files.delete(dir.resolve("format-drift.md"));
		Map<String, CatalogLoader.CheckedFile> changed = reusing.checkRunbooks(dir, ownership, OPTIONS, new ArrayList<>());
		Map<String, CatalogLoader.CheckedFile> fresh = loader.checkRunbooks(dir, ownership, OPTIONS, new ArrayList<>());

		assertThat(changed.keySet()).isEqualTo(fresh.keySet());
		changed.forEach((name, checked) -> {
			assertThat(checked.findings()).as(name).isEqualTo(fresh.get(name).findings());
			assertThat(checked.runbook()).as(name).isEqualTo(fresh.get(name).runbook());
		});
		assertThat(changed.get("harmful-output.md").valid()).isFalse();
	}

}
