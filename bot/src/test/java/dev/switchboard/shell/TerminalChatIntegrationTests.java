package dev.switchboard.shell;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.NonInteractiveShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal chat in a full application context (H2 in memory, the shipped runbooks and
 * ownership.yaml), acting as the configured local operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:terminal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.shell.interactive.enabled=false", "switchboard.catalog.runbooks=../runbooks",
		"switchboard.catalog.ownership=../ownership.yaml", "switchboard.api.local-operator=priya-natarajan" })
class TerminalChatIntegrationTests {

	@Autowired
	TerminalChat chat;

	@Autowired
	CommandParser parser;

	@Autowired
	CommandRegistry commands;

	@Test
	void walksAnIncidentFromDeclarationToResolution() {
		String declared = chat.say("ai-outage");
		assertThat(declared).containsPattern("INC-\\d+ · sev1 · AI provider outage\n=+\n")
			.containsPattern("Commander\\s+Priya Natarajan")
			.contains("Engaging incident-commander: @", "Triage: what is failing?", "https://status.openai.com")
			.contains("Actions (run N):\n  1) page provider-outage-primary\n  2) vendor openai")
			.contains("Choices (choose N):\n  1) Hard outage — 5xx above 5 %", "  2) Throttling", "  4) Not the provider");
		String id = declared.replaceAll("(?s)^\\s*(INC-\\d+).*", "$1");

		assertThat(chat.say("run 1")).contains("1) page provider-outage-primary (done)");
		String moved = chat.say("choose 1");
		assertThat(moved).contains(id + " · Hard outage", "Choices (choose N):", "1) Switch to the secondary route")
			.doesNotContain("Triage: what is failing?");
		assertThat(chat.say("status")).containsPattern("Status\\s+open").containsPattern("Current step\\s+Hard outage");
		assertThat(chat.say("note vendor ticket 8841")).isEqualTo("  Noted.");
		assertThat(chat.say("sev sev2")).contains("Severity is now sev2.");
		String timeline = chat.say("timeline");
		assertThat(timeline).contains(id + " · timeline", "declared", "page-sent", "choice-made", "choice=Hard outage",
				"text=vendor ticket 8841", "severity-changed");
		assertThat(chat.say("back")).contains(id + " · Triage: what is failing?");
		assertThat(chat.say("choose Throttling")).contains(id + " · Throttling");
		assertThat(chat.say("choose 42")).contains("'42' is not offered at step 'throttling'");

		assertThat(chat.say("resolve vendor fixed it")).contains(id + " resolved", "postmortem");
		assertThat(chat.say("postmortem")).contains("# Postmortem: " + id, "**Hard outage** by priya-natarajan",
				"vendor fixed it");
		assertThat(chat.say("choose 1")).contains(id + " is resolved");
	}

	@Test
	void tellsWhoOwnsAService() {
		String who = chat.say("who invoice-extraction");

		assertThat(who).contains("Who: invoice-extraction (service)", "owning team invoicing:",
				"@Priya Natarajan — priya.natarajan@ledgerly.io", "@Daniel Okafor", "may authorize a route change:");
	}

	@Test
	void showsVendorContacts() {
		String vendor = chat.say("vendor openai");

		assertThat(vendor).contains("Vendor: OpenAI", "Escalation path:", "1. Check the status page")
			.containsPattern("Status page\\s+https://status.openai.com")
			.containsPattern("Models\\s+openai/gpt-4.1, openai/gpt-4.1-mini");
	}

	@Test
	void suggestsRunbooksForAnUnknownName() {
		assertThat(chat.say("kubernetes-node-pressure")).contains("no runbook 'kubernetes-node-pressure'", "did you mean");
		assertThat(chat.say("runbooks")).contains("ai-outage (sev1) — also: llm-down", "format-drift", "harmful-output",
				"model-deprecation");
	}

	@Test
	void runsTypedShellCommandsThroughTheConversation() throws Exception {
		StringWriter out = new StringWriter();
		NonInteractiveShellRunner shell = new NonInteractiveShellRunner(parser, commands, new PrintWriter(out));

		shell.run(new String[] { "incident", "harmful-output" });
		shell.run(new String[] { "choose", "1" });
		shell.run(new String[] { "who", "security" });

		assertThat(out.toString()).contains("sev1 · Harmful AI output reached a customer", "Stop AI replies now",
				"Hand pending tickets to agents", "Who: security (role)", "@Tomasz Nowak");
	}
}
