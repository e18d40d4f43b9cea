package dev.switchboard.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import dev.switchboard.lint.Finding;
import dev.switchboard.runbook.ActionCommand.GatewayDisable;
import dev.switchboard.runbook.ActionCommand.GatewayEnable;
import dev.switchboard.runbook.ActionCommand.GatewayFlip;
import dev.switchboard.runbook.ActionCommand.GatewayRestore;
import dev.switchboard.runbook.ActionCommand.HumanQueue;
import dev.switchboard.runbook.ActionCommand.Invalid;
import dev.switchboard.runbook.ActionCommand.Notify;
import dev.switchboard.runbook.ActionCommand.Page;
import dev.switchboard.runbook.ActionCommand.VendorInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@link RunbookParser} reads out of the authors' markdown (docs/runbook-format.md), and at
 * which lines. Expected lines are computed from the text with {@link #lineOf}, independently of
 * the parser's own line index.
 */
class RunbookParserTests {

	private static final String FRONT_MATTER = """
			---
			id: sample
			title: Sample runbook
			summary: One line about it.
			severity: sev2
			owner: ai-platform
			services: [invoice-extraction, support-replies]
			aliases: [llm-down, 429]
			covers: [ai-outage]
			last_reviewed: 2026-11-02
			---
			""";

	private final RunbookParser parser = new RunbookParser();

	private RunbookParser.Parsed parse(String text) {
		return parser.parse("runbooks/sample.md", "sample.md", text);
	}

	private Runbook runbook(String text) {
		return parse(text).runbook();
	}

	/** The 1-based line of the first occurrence of {@code snippet}. */
	static int lineOf(String text, String snippet) {
		int at = text.indexOf(snippet);
		assertThat(at).as("snippet '%s' is in the text", snippet).isNotNegative();
		return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
	}

	private static Step only(Runbook runbook) {
		assertThat(runbook.steps()).hasSize(1);
		return runbook.steps().get(0);
	}

	@Nested
	class FrontMatter {

		@Test
		void readsEveryField() {
			Runbook runbook = runbook(FRONT_MATTER + "\n## Start\n\n**Resolution:** resolved\n");

			assertThat(runbook.id()).isEqualTo("sample");
			assertThat(runbook.file()).isEqualTo("sample.md");
			assertThat(runbook.title()).isEqualTo("Sample runbook");
			assertThat(runbook.summary()).isEqualTo("One line about it.");
			assertThat(runbook.severity()).isEqualTo("sev2");
			assertThat(runbook.owner()).isEqualTo("ai-platform");
			assertThat(runbook.services()).containsExactly("invoice-extraction", "support-replies");
			assertThat(runbook.aliases()).containsExactly("llm-down", "429");
			assertThat(runbook.covers()).containsExactly("ai-outage");
			assertThat(runbook.coversAiOutage()).isTrue();
			assertThat(runbook.lastReviewed()).isEqualTo(LocalDate.of(2026, 11, 2));
			assertThat(runbook.frontMatterLine()).isEqualTo(1);
		}

		@Test
		void pointsFieldsAndListItemsAtTheirLines() {
			String text = """
					---
					id: sample
					title: Sample
					summary: One line.
					severity: sev3
					owner: ai-platform
					services:
					  - invoice-extraction
					  - support-replies
					last_reviewed: 2026-11-02
					---

					## Start

					**Resolution:** resolved
					""";
			Runbook runbook = runbook(text);

			assertThat(runbook.lineOf("/id")).isEqualTo(2);
			assertThat(runbook.lineOf("/owner")).isEqualTo(lineOf(text, "owner:"));
			assertThat(runbook.lineOf("/services")).isEqualTo(lineOf(text, "services:"));
			assertThat(runbook.lineOf("/services/0")).isEqualTo(lineOf(text, "- invoice-extraction"));
			assertThat(runbook.lineOf("/services/1")).isEqualTo(lineOf(text, "- support-replies"));
			assertThat(runbook.lineOf("/last_reviewed")).isEqualTo(lineOf(text, "last_reviewed"));
			assertThat(runbook.lineOf("/aliases/0")).as("absent field falls back to the front matter").isEqualTo(1);
		}

		@Test
		void reportsMissingFrontMatterAtLineOneAndFallsBackToTheFileName() {
			RunbookParser.Parsed parsed = parse("# Title\n\n## Start\n\n**Resolution:** resolved\n");

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule).containsExactly(tuple(1, "front-matter"));
			assertThat(parsed.runbook().id()).isEqualTo("sample");
			assertThat(parsed.runbook().steps()).extracting(Step::id).containsExactly("start");
		}

		@Test
		void reportsImpossibleReviewDateAtItsLine() {
			String text = FRONT_MATTER.replace("2026-11-02", "2026-02-30") + "\n## Start\n\n**Resolution:** resolved\n";
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule)
				.containsExactly(tuple(lineOf(text, "last_reviewed"), "front-matter"));
			assertThat(parsed.runbook().lastReviewed()).isNull();
		}

		@Test
		void countsFrontMatterLinesAsTheFileDoesPastPastedUnicodeLineSeparators() {
			String text = FRONT_MATTER.replace("title: Sample runbook", "title: \"Sample\u2028runbook\u0085from Word\"")
				.replace("covers:", "team: invoicing\ncovers:") + "\n## Start\n\n**Resolution:** resolved\n";
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule)
				.containsExactly(tuple(lineOf(text, "team:"), "unknown-key"));
			assertThat(parsed.runbook().lineOf("/last_reviewed")).isEqualTo(lineOf(text, "last_reviewed"));
		}

		@Test
		void reportsAnUnclosedQuoteWhereItOpens() {
			String text = FRONT_MATTER.replace("summary: One line about it.", "summary: \"One line about it.")
					+ "\n## Start\n\n**Resolution:** resolved\n";
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule)
				.containsExactly(tuple(lineOf(text, "summary:"), "yaml-syntax"));
		}

		@Test
		void readsFrontMatterWithWindowsLineEndings() {
			String text = (FRONT_MATTER + "\n## Start\n\n**Resolution:** resolved\n").replace("\n", "\r\n");
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).isEmpty();
			assertThat(parsed.runbook().owner()).isEqualTo("ai-platform");
			assertThat(parsed.runbook().lineOf("/last_reviewed")).isEqualTo(10);
			assertThat(parsed.runbook().steps()).extracting(Step::id, Step::line, Step::resolution)
				.containsExactly(tuple("start", 13, "resolved"));
		}

		@Test
		void readsFrontMatterOfAFileSavedWithAByteOrderMark() {
			String text = "\uFEFF" + FRONT_MATTER + "\n## Start\n\n**Resolution:** resolved\n";
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).isEmpty();
			assertThat(parsed.runbook().owner()).isEqualTo("ai-platform");
			assertThat(parsed.runbook().steps()).extracting(Step::id, Step::line).containsExactly(tuple("start", 13));
		}

	}

	@Nested
	class Steps {

		@Test
		void makesEachLevelTwoHeadingAStepInOrder() {
			String text = FRONT_MATTER + """

					# Title is not a step

					Intro is not in any step.

					## First

					### Detail is formatting

					Text.

					- [Second](#second)

					## Second

					**Resolution:** resolved
					""";
			Runbook runbook = runbook(text);

			assertThat(runbook.steps()).extracting(Step::id, Step::title, Step::line)
				.containsExactly(tuple("first", "First", lineOf(text, "## First")),
						tuple("second", "Second", lineOf(text, "## Second")));
			assertThat(runbook.firstStep()).map(Step::id).hasValue("first");
			assertThat(runbook.steps().get(0).body()).contains("### Detail is formatting").doesNotContain("Intro");
		}

		@Test
		void slugsHeadingsAsGitHubDoes() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## Is it throttling?

					## 1. Step: one/two (three) `code`

					## Café & Crème — déjà vu!

					## Überprüfung der Änderung

					## snake_case and dashes - here

					## 🔥 Fire **bold** and [link](https://example.com)
					""");

			assertThat(runbook.steps()).extracting(Step::id)
				.containsExactly("is-it-throttling", "1-step-onetwo-three-code", "café--crème--déjà-vu",
						"überprüfung-der-änderung", "snake_case-and-dashes---here", "-fire-bold-and-link");
		}

		@Test
		void numbersRepeatedHeadingsLikeGitHub() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## Check

					## Check

					## Check

					## Check-1
					""");

			assertThat(runbook.steps()).extracting(Step::id).containsExactly("check", "check-1", "check-2", "check-1-1");
		}

		@Test
		void givesAHeadingThatLooksNumberedItsOwnIdAfterTheRepeatsItCollidesWith() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## Retry

					## Retry

					## Retry-1
					""");

			assertThat(runbook.steps()).extracting(Step::id).containsExactly("retry", "retry-1", "retry-1-1");
		}

		@Test
		void usesAnExplicitIdAtTheEndOfTheHeading() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## Switch to the secondary route {#switch-route}

					## Triage: what is failing? {#triage}
					""");

			assertThat(runbook.steps()).extracting(Step::id, Step::title)
				.containsExactly(tuple("switch-route", "Switch to the secondary route"),
						tuple("triage", "Triage: what is failing?"));
		}

		@Test
		void keepsTwoHeadingsWithTheSameExplicitIdForTheRulesToReport() {
			Runbook runbook = runbook(FRONT_MATTER + "\n## One {#x}\n\n## Two {#x}\n");

			assertThat(runbook.steps()).extracting(Step::id).containsExactly("x", "x");
		}

		@Test
		void reportsARunbookWithoutStepsAtItsFrontMatter() {
			RunbookParser.Parsed parsed = parse(FRONT_MATTER + "\n# Only a title\n\nProse.\n");

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule).containsExactly(tuple(1, "no-steps"));
		}

	}

	@Nested
	class Choices {

		private final String text = FRONT_MATTER + """

				## Triage {#triage}

				See the [dashboard](https://grafana.example/d/llm) first.

				- [Throttling: 429s](#throttling) — rate-limit errors rising
				- [Silent degradation](format-drift.md#confirm-drift): hands over to another runbook
				- [Start of another runbook](./model-deprecation.md)
				- [Plain file](harmful-output.md)
				- [Café](#caf%C3%A9)

				## Throttling {#throttling}

				**Resolution:** mitigated

				## Café

				**Resolution:** resolved
				""";

		@Test
		void readsLabelsHintsTargetsAndLines() {
			Step triage = runbook(text).steps().get(0);

			assertThat(triage.choices())
				.extracting(Choice::label, Choice::hint, Choice::runbook, Choice::step, Choice::line)
				.containsExactly(
						tuple("Throttling: 429s", "rate-limit errors rising", null, "throttling",
								lineOf(text, "[Throttling: 429s]")),
						tuple("Silent degradation", "hands over to another runbook", "format-drift.md", "confirm-drift",
								lineOf(text, "[Silent degradation]")),
						tuple("Start of another runbook", null, "model-deprecation.md", null,
								lineOf(text, "[Start of another runbook]")),
						tuple("Plain file", null, "harmful-output.md", null, lineOf(text, "[Plain file]")),
						tuple("Café", null, null, "café", lineOf(text, "[Café]")));
			assertThat(triage.choices()).extracting(Choice::external).containsExactly(false, true, true, true, false);
			assertThat(triage.choices()).extracting(Choice::target)
				.containsExactly("#throttling", "format-drift.md#confirm-drift", "model-deprecation.md", "harmful-output.md",
						"#café");
			assertThat(triage.decision()).isTrue();
			assertThat(triage.terminal()).isFalse();
		}

		@Test
		void treatsASingleLinkAsNextAndNoListAsTerminal() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## One

					- [Two](#two)

					## Two

					Links in prose are just links: [status](https://status.openai.com).

					- [A web page](https://example.com/runbook.md)
					- not a choice either

					**Resolution:** resolved
					""");

			Step one = runbook.steps().get(0);
			Step two = runbook.steps().get(1);
			assertThat(one.choices()).hasSize(1);
			assertThat(one.decision()).isFalse();
			assertThat(one.terminal()).isFalse();
			assertThat(two.choices()).isEmpty();
			assertThat(two.terminal()).isTrue();
		}

		@Test
		void reportsEachItemOfAListMergedIntoTheChoicesAtItsLine() {
			String merged = FRONT_MATTER + """

					## Start

					Check:

					- the gateway dashboard
					- the vendor status page

					- [Done](#done)

					## Done

					**Resolution:** resolved
					""";
			RunbookParser.Parsed parsed = parse(merged);

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule)
				.containsExactly(tuple(lineOf(merged, "- the gateway"), "choice-link"),
						tuple(lineOf(merged, "- the vendor"), "choice-link"));
			assertThat(parsed.runbook().steps().get(0).choices()).extracting(Choice::step).containsExactly("done");
		}

	}

	@Nested
	class Actions {

		@Test
		void readsEachActionAtItsTrueLineSkippingCommentsAndBlankLines() {
			String text = FRONT_MATTER + """

					## Flip

					```action
					# the first route
					gateway flip invoice-extraction secondary

					  page   provider-outage-primary
					```

					```sh
					page not-an-action
					```

					~~~action
					notify comms
					~~~

					**Resolution:** mitigated
					""";
			Step step = only(runbook(text));

			assertThat(step.actions()).extracting(Action::text, Action::line)
				.containsExactly(tuple("gateway flip invoice-extraction secondary", lineOf(text, "gateway flip")),
						tuple("page   provider-outage-primary", lineOf(text, "  page   provider")),
						tuple("notify comms", lineOf(text, "notify comms")));
			assertThat(step.actions()).extracting(Action::command)
				.containsExactly(new GatewayFlip("invoice-extraction", "secondary"), new Page("provider-outage-primary"),
						new Notify("comms"));
		}

		@Test
		void parsesEachVerbIntoItsCommand() {
			assertThat(ActionCommand.parse("gateway flip invoice-extraction secondary"))
				.isEqualTo(new GatewayFlip("invoice-extraction", "secondary"));
			assertThat(ActionCommand.parse("gateway flip ticket-routing vertex_ai/gemini-2.5-flash"))
				.isEqualTo(new GatewayFlip("ticket-routing", "vertex_ai/gemini-2.5-flash"));
			assertThat(ActionCommand.parse("gateway restore invoice-extraction"))
				.isEqualTo(new GatewayRestore("invoice-extraction"));
			assertThat(ActionCommand.parse("gateway disable support-replies")).isEqualTo(new GatewayDisable("support-replies"));
			assertThat(ActionCommand.parse("gateway enable support-replies")).isEqualTo(new GatewayEnable("support-replies"));
			assertThat(ActionCommand.parse("queue invoice-extraction")).isEqualTo(new HumanQueue("invoice-extraction"));
			assertThat(ActionCommand.parse("page provider-outage-primary")).isEqualTo(new Page("provider-outage-primary"));
			assertThat(ActionCommand.parse("notify comms")).isEqualTo(new Notify("comms"));
			assertThat(ActionCommand.parse("vendor openai")).isEqualTo(new VendorInfo("openai"));
			assertThat(ActionCommand.parse("\tvendor   openai  ")).isEqualTo(new VendorInfo("openai"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "reboot invoice-extraction", "gateway", "gateway flip invoice-extraction",
				"gateway flip invoice-extraction secondary now", "gateway restore", "gateway teleport invoice-extraction",
				"queue", "queue a b", "page", "page alice bob", "notify", "vendor", "vendor openai anthropic",
				"Page comms" })
		void marksLinesTheBotCannotRunInvalid(String line) {
			assertThat(ActionCommand.parse(line)).isInstanceOf(Invalid.class);
			assertThat(new Action(line, 1, ActionCommand.parse(line)).runnable()).isFalse();
		}

	}

	@Nested
	class Markers {

		@Test
		void readsBoldAndPlainStrategyAndResolution() {
			Runbook runbook = runbook(FRONT_MATTER + """

					## Bold

					**Strategy:** switch-route

					- [Plain](#plain)

					## Plain

					Strategy: fail-open

					- [Underscored](#underscored)

					## Underscored

					__Strategy__: degrade

					**Resolution:** handed-off — to data engineering

					## Lower case

					resolution: mitigated
					""");

			assertThat(runbook.steps()).extracting(Step::strategy, Step::resolution)
				.containsExactly(tuple(Strategy.SWITCH_ROUTE, null), tuple(Strategy.FAIL_OPEN, null),
						tuple(Strategy.DEGRADE, "handed-off"), tuple(null, "mitigated"));
		}

		@Test
		void readsOmittedStrategiesWithTheirReasonsAndLines() {
			String text = FRONT_MATTER + """

					## Decide

					**Omitted:** degrade — invoices have no non-AI features to shed
					Omitted: fail-closed - a wrong answer is never worse here
					**Omitted:** fail-open: the human queue is closed at night
					""";
			Step step = only(runbook(text));

			assertThat(step.omitted()).extracting(Omission::strategy, Omission::reason, Omission::line)
				.containsExactly(
						tuple(Strategy.DEGRADE, "invoices have no non-AI features to shed", lineOf(text, "**Omitted:** degrade")),
						tuple(Strategy.FAIL_CLOSED, "a wrong answer is never worse here", lineOf(text, "Omitted: fail-closed")),
						tuple(Strategy.FAIL_OPEN, "the human queue is closed at night", lineOf(text, "**Omitted:** fail-open")));
		}

		@Test
		void reportsBadMarkersAtTheirLines() {
			String text = FRONT_MATTER + """

					## One

					**Strategy:** fail-sideways

					**Resolution:** fixed

					**Omitted:** degrade

					**Omitted:** everything — no reason to care

					## Two

					**Strategy:** degrade
					**Strategy:** fail-open
					""";
			RunbookParser.Parsed parsed = parse(text);

			assertThat(parsed.findings()).extracting(Finding::line, Finding::rule)
				.containsExactly(tuple(lineOf(text, "fail-sideways"), "strategy"), tuple(lineOf(text, "fixed"), "resolution"),
						tuple(lineOf(text, "**Omitted:** degrade"), "omitted"),
						tuple(lineOf(text, "**Omitted:** everything"), "omitted"),
						tuple(lineOf(text, "**Strategy:** fail-open"), "strategy"));
		}

	}

	@Nested
	class MentionsAndReferences {

		private final String text = FRONT_MATTER + """

				## Who

				Page @provider-outage-primary now; tell
				@invoicing (and @alice.) later.

				Mail karim.haddad@ledgerly.io or see https://medium.com/@ledgerly, not `@in-code`.

				```
				@in-fenced-code
				```

				    @in-indented-code

				| who | when |
				|---|---|
				| @comms | at once |

				<!-- @in-a-comment -->

				- [Next](#next) — with @security
				""";

		@Test
		void findsMentionsWithTheirLinesOutsideCodeAndAddresses() {
			Step who = runbook(text).steps().get(0);

			assertThat(who.mentions()).extracting(Mention::name, Mention::line)
				.containsExactly(tuple("provider-outage-primary", lineOf(text, "Page @provider")),
						tuple("invoicing", lineOf(text, "@invoicing")), tuple("alice", lineOf(text, "@invoicing")),
						tuple("comms", lineOf(text, "| @comms")), tuple("security", lineOf(text, "@security")));
		}

		@Test
		void findsRegistryReferencesWithTheirLinesOutsideCode() {
			String refs = FRONT_MATTER + """

					## Status

					Status pages: {{vendor.openai.status_page}},
					{{ vendor.anthropic.status_page }} and `{{vendor.in-code.status_page}}`.
					Queue: {{service.invoice-extraction.human_queue}}.

					```
					{{vendor.in-fenced-code.status_page}}
					```
					""";
			Step status = only(runbook(refs));

			assertThat(status.refs()).extracting(RegistryRef::text, RegistryRef::line)
				.containsExactly(tuple("{{vendor.openai.status_page}}", lineOf(refs, "{{vendor.openai")),
						tuple("{{vendor.anthropic.status_page}}", lineOf(refs, "{{ vendor.anthropic")),
						tuple("{{service.invoice-extraction.human_queue}}", lineOf(refs, "{{service.")));
			assertThat(status.refs().get(2)).extracting(RegistryRef::kind, RegistryRef::id, RegistryRef::field)
				.containsExactly("service", "invoice-extraction", "human_queue");
		}

	}

	@Test
	void keepsChoicesActionsAndMarkersOutOfTheStepBody() {
		Step step = only(runbook(FRONT_MATTER + """

				## Flip {#flip}

				**Strategy:** switch-route
				Flip only the failing routes.

				```action
				gateway flip invoice-extraction secondary
				```

				```sh
				curl -s https://llm-gw.internal/health
				```

				**Resolution:** mitigated

				- [Verify](#verify) — within ten minutes
				"""));

		assertThat(step.body()).contains("Flip only the failing routes.", "curl -s https://llm-gw.internal/health")
			.doesNotContain("Strategy", "switch-route", "gateway flip", "Resolution", "[Verify]", "within ten minutes");
	}

	@Test
	void versionsTheRunbookByTheSha256OfItsText() throws Exception {
		String text = FRONT_MATTER + "\n## Start — café\n\n**Resolution:** resolved\n";
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));

		RunbookVersion version = runbook(text).version();

		assertThat(version.sha256()).isEqualTo(expected).hasSize(64);
		assertThat(version.commit()).isNull();
		assertThat(version.dirty()).isFalse();
		assertThat(runbook(text + " ").version().sha256()).isNotEqualTo(expected);
	}

	@Test
	void parsesAValidRunbookWithoutFindings() {
		RunbookParser.Parsed parsed = parse(FRONT_MATTER + "\n## Start\n\n- [Done](#done)\n\n## Done\n\n**Resolution:** resolved\n");

		assertThat(parsed.findings()).isEmpty();
		assertThat(parsed.runbook().steps()).extracting(Step::id).isEqualTo(List.of("start", "done"));
	}

}
