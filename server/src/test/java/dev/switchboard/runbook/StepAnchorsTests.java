package dev.switchboard.runbook;

import java.util.List;

import dev.switchboard.lint.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Step ids and anchors as GitHub gives them, explicit {@code <a name>} ids, and the old {@code {#id}} form. */
class StepAnchorsTests {

	private static final String FRONT_MATTER = """
			---
			id: anchors
			title: Anchors
			summary: Step ids.
			severity: sev2
			owner: ai-platform
			services: [invoice-extraction]
			last_reviewed: 2026-11-01
			---
			""";

	private static RunbookParser.Parsed parse(String body) {
		return new RunbookParser().parse("anchors.md", "anchors.md", FRONT_MATTER + body);
	}

	@Test
	void anAnchorOnTheHeadingLineIsTheStepIdAndGitHubsSlugAlsoNamesTheStep() {
		RunbookParser.Parsed parsed = parse("""

				## <a name="switch-route"></a>Switch to the secondary route

				**Resolution:** mitigated
				""");

		Step step = parsed.runbook().steps().get(0);
		assertThat(step.id()).isEqualTo("switch-route");
		assertThat(step.title()).isEqualTo("Switch to the secondary route");
		assertThat(step.anchors()).containsExactly("switch-to-the-secondary-route");
		assertThat(parsed.runbook().step("switch-to-the-secondary-route")).contains(step);
		assertThat(parsed.findings()).isEmpty();
	}

	@Test
	void anAnchorAloneOnTheLineAboveNamesTheNextStepAndIsNotProseOfThePreviousOne() {
		Runbook runbook = parse("""

				## Check

				Look at the graphs.

				- [Next](#escalate)

				<a name="escalate"></a>
				## Escalate to the vendor

				**Resolution:** handed-off
				""").runbook();

		assertThat(runbook.steps()).extracting(Step::id, Step::title)
			.containsExactly(tuple("check", "Check"), tuple("escalate", "Escalate to the vendor"));
		assertThat(runbook.steps().get(0).body()).isEqualTo("Look at the graphs.");
		assertThat(runbook.steps().get(0).choices()).extracting(Choice::step).containsExactly("escalate");
	}

	@Test
	void slugsCountEveryHeadingOfTheFileAsGitHubDoesAndKeepTheOldIdAsAFormerId() {
		Runbook runbook = parse("""

				# Retry

				## Retry

				### Retry

				## Retry

				**Resolution:** resolved
				""").runbook();

		assertThat(runbook.steps()).extracting(Step::id, Step::formerIds)
			.containsExactly(tuple("retry-1", List.of("retry")), tuple("retry-3", List.of("retry-1")));
		assertThat(runbook.step("retry-1")).as("today's id wins over a former one").contains(runbook.steps().get(0));
		assertThat(runbook.step("retry")).as("what an incident recorded before").contains(runbook.steps().get(0));
		assertThat(runbook.linkedStep("retry")).as("links may not use former ids: GitHub's #retry is the title").isEmpty();
		assertThat(runbook.anchors()).contains("retry", "retry-1", "retry-2", "retry-3");
	}

	@Test
	void theOldExplicitIdStillNamesTheStepAndIsWarnedWithTheExactReplacement() {
		RunbookParser.Parsed parsed = parse("""

				## Switch to the `secondary` route {#switch-route}

				**Resolution:** mitigated
				""");

		Step step = parsed.runbook().steps().get(0);
		assertThat(step.id()).isEqualTo("switch-route");
		assertThat(step.title()).isEqualTo("Switch to the secondary route");
		assertThat(parsed.findings()).extracting(Finding::line, Finding::rule, Finding::message)
			.containsExactly(tuple(11, "legacy-heading-id", "'{#switch-route}' is not an anchor on GitHub: it shows as "
					+ "text there and '#switch-route' links do not jump to it; write the line as "
					+ "'## <a name=\"switch-route\"></a>Switch to the `secondary` route' (switchboard lint --fix does it)"));
		assertThat(parsed.fixes()).containsExactly(new HeadingIdFix(11, "## Switch to the `secondary` route {#switch-route}",
				"## <a name=\"switch-route\"></a>Switch to the `secondary` route"));
	}

	@Test
	void theFixRewritesOnlyTheHeadingLinesKeepingLineBreaksAndByteOrderMark() {
		String text = "\uFEFF" + FRONT_MATTER.replace("\n", "\r\n")
				+ "\r\n## Check {#check}\r\n\r\nText {#not-a-heading}\r\n\r\n## Done {#done} ##\r\n\r\n**Resolution:** resolved";
		RunbookParser.Parsed parsed = new RunbookParser().parse("a.md", "a.md", text);

		String fixed = HeadingIdFix.apply(text, parsed.fixes());

		assertThat(fixed).isEqualTo(text.replace("## Check {#check}", "## <a name=\"check\"></a>Check")
			.replace("## Done {#done} ##", "## <a name=\"done\"></a>Done ##"));
		RunbookParser.Parsed again = new RunbookParser().parse("a.md", "a.md", fixed);
		assertThat(again.runbook().steps()).extracting(Step::id).containsExactly("check", "done");
		assertThat(again.findings()).isEmpty();
		assertThat(again.fixes()).isEmpty();
	}

	@Test
	void nonAsciiLettersStayInTheIdAsGitHubKeepsThem() {
		Runbook runbook = parse("""

				## Café à la carte

				- [Weiter](#über-prüfung-de)

				## Über-Prüfung (DE)

				**Resolution:** resolved
				""").runbook();

		assertThat(runbook.steps()).extracting(Step::id).containsExactly("café-à-la-carte", "über-prüfung-de");
	}
}
