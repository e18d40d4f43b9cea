package dev.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.runbook.LintOptions;
import dev.switchboard.runbook.Runbook;

/** The shipped ai-outage runbook drawn: every step a box marked with its strategy, every choice an arrow. */
class RunbookDiagramTests {

	private final Runbook aiOutage = aiOutage();

	@Test
	void drawsEveryStepMarkedWithItsStrategyAndEveryChoiceAsAnArrow() {
		String svg = RunbookDiagram.svg(aiOutage);

		long choices = aiOutage.steps().stream().mapToLong(s -> s.choices().size()).sum();
		assertThat(count(svg, "<g class=\"edge\">")).isEqualTo(choices);
		assertThat(count(svg, "<g class=\"node ")).isEqualTo(aiOutage.steps().size() + 1); // + format-drift.md
		for (String strategy : new String[] { "fail-closed", "fail-open", "switch-route", "degrade" }) {
			assertThat(svg).contains("<g class=\"node " + strategy + "\">");
		}
		assertThat(svg).contains("<title id=\"diagram-title\">Decision tree of AI provider outage");
	}

	@Test
	void ranksStepsSoThatEveryChoiceButALoopPointsDownTheDiagram() {
		String svg = RunbookDiagram.svg(aiOutage);
		Matcher down = Pattern.compile("<path d=\"M[0-9]+,([0-9]+) C[0-9 ,]+ [0-9]+,([0-9]+)\" fill=\"none\" stroke=\"#333\" "
				+ "stroke-width=\"1.5\" marker-end").matcher(svg);
		int solid = 0;
		while (down.find()) {
			assertThat(Integer.parseInt(down.group(2))).isGreaterThan(Integer.parseInt(down.group(1)));
			solid++;
		}
		long loops = count(svg, "stroke-dasharray=\"4 3\"");
		// monitor → triage, recover → hard-outage, and the three ways out of secondary-failing, which
		// monitor reaches again: each a cycle of the runbook, drawn dashed along the side.
		assertThat(loops).isEqualTo(5);
		assertThat(solid + loops).isEqualTo(aiOutage.steps().stream().mapToLong(s -> s.choices().size()).sum());
	}

	@Test
	void writesMermaidWithOneNodePerStepAndItsStrategyClass() {
		String mermaid = RunbookDiagram.mermaid(aiOutage);

		assertThat(mermaid).startsWith("---\ntitle: AI provider outage (ai-outage)\n---\nflowchart TD\n");
		assertThat(mermaid).contains("s0[\"Triage: what is failing?\"]")
			.contains("-->|\"Hard outage\"|")
			.contains("classDef switch_route fill:#fbe3a8")
			.containsPattern("s[0-9]+\\[\\[\"format-drift.md#confirm-drift\"\\]\\]");
		assertThat(count(mermaid, " -->|")).isEqualTo(aiOutage.steps().stream().mapToLong(s -> s.choices().size()).sum());
	}

	private static long count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static Runbook aiOutage() {
		CatalogLoader loader = new CatalogLoader();
		var ownership = loader.loadOwnership(Path.of("..", "ownership.yaml")).ownership();
		return loader.checkRunbooks(Path.of("..", "runbooks"), ownership,
				new LintOptions(LocalDate.of(2026, 11, 22), Duration.ofDays(180)), new ArrayList<>())
			.get("ai-outage.md")
			.runbook();
	}
}
