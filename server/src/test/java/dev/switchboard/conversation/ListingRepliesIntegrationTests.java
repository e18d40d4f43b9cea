package dev.switchboard.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;

/** {@code list} and {@code routes}: what an incident commander types to see where things stand. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class ListingRepliesIntegrationTests {

	private static final ChatContext PRIYA = new ChatContext("priya-natarajan", "priya-natarajan", "terminal", null,
			null, null);

	@Autowired
	private Conversation conversation;

	@Autowired
	private Declarations declarations;

	@Autowired
	private Incidents incidents;

	@Autowired
	private IncidentUpdates updates;

	@Autowired
	private SandboxControls sandbox;

	@BeforeEach
	void noOpenIncidentsAndRoutesAsSeeded() {
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		incidents.list(true, 100).forEach(i -> updates.resolve(i.id(), "tidy up", new Actor("priya-natarajan"), null));
	}

	@Test
	void listsTheOpenIncidentsWithTheirStepAndSaysSoWhenThereAreNone() {
		assertThat(text(conversation.command("list", PRIYA))).isEqualTo("No open incidents.");

		String humanId = declarations
			.declare(new Declarations.Request("ai-outage", "sev2", null, true, null), new Actor("priya-natarajan"), null)
			.result()
			.humanId();
		Reply list = conversation.command("list", PRIYA);

		assertThat(list.blocks().get(0)).isEqualTo(new Block.Header("Open incidents", false));
		assertThat(text(list)).contains(humanId + "  sev2").contains("[DRILL]").contains("(step triage)");
	}

	@Test
	void listsEveryRouteAgainstOwnershipAndFlagsOneChangedBehindSwitchboardsBack() {
		String calm = text(conversation.command("routes", PRIYA));
		assertThat(calm).contains("support-replies (sandbox): anthropic/claude-sonnet-4-5 — on primary; "
				+ "declared anthropic/claude-sonnet-4-5 / openai/gpt-4.1")
			.contains("invoice-extraction (sandbox): openai/gpt-4.1 — on primary")
			.contains("ticket-routing (sandbox): ")
			.doesNotContain("DRIFT");

		sandbox.select("support-replies", "openai/gpt-4.1");
		String drifted = text(conversation.command("routes", PRIYA));

		assertThat(drifted.lines().filter(l -> l.startsWith("DRIFT ")).toList()).singleElement()
			.satisfies(l -> assertThat(l).contains("support-replies (sandbox): openai/gpt-4.1"));
	}

	private static String text(Reply reply) {
		return reply.blocks()
			.stream()
			.filter(Block.Paragraph.class::isInstance)
			.flatMap(b -> ((Block.Paragraph) b).spans().stream())
			.map(s -> s instanceof Span.Plain plain ? plain.text() : s.toString())
			.collect(Collectors.joining());
	}
}
