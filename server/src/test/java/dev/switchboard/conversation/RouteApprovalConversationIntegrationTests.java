package dev.switchboard.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.Walk;

/** The flip button shows the live plan; a tier-1 flip gets an Approve button that a second person presses. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class RouteApprovalConversationIntegrationTests {

	@Autowired
	private Conversation conversation;

	@Autowired
	private Declarations declarations;

	@Autowired
	private Walk walk;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private SandboxGateway gateway;

	private long id;

	@BeforeEach
	void atSwitchRoute() {
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		Actor priya = new Actor("priya-natarajan");
		id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, false, null), priya, null).result().id();
		walk.choose(id, null, "hard-outage", priya, null);
		walk.choose(id, null, "switch-route", priya, null);
	}

	@Test
	void showsThePlanOnTheFlipButtonAndFlipsAfterTheApproveButtonIsPressedByAnotherPerson() {
		Reply step = conversation.command("step", ctx("priya-natarajan", null));
		assertThat(buttons(step)).anyMatch(b -> b.label()
			.equals("gateway flip invoice-extraction secondary — invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5 [sandbox]"));

		Reply asked = conversation.press(new ActionId(ActionId.Kind.RUN, id, "switch-route", 1).encode(),
				ctx("priya-natarajan", "click-1"));
		Block.Button approve = buttons(asked).stream()
			.filter(b -> b.action().kind() == ActionId.Kind.APPROVE)
			.findFirst()
			.orElseThrow(() -> new AssertionError(asked.plainText()));
		assertThat(approve.label()).isEqualTo("Approve: invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
		assertThat(asked.plainText()).contains("awaits a second authorized person (not priya-natarajan)");
		assertThat(ActionId.decode(approve.action().encode())).contains(approve.action());
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");

		Reply self = conversation.press(approve.action().encode(), ctx("priya-natarajan", "click-2"));
		assertThat(self.plainText()).contains("(requested)");
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");

		Reply done = conversation.press(approve.action().encode(), ctx("amelie-laurent", "click-3"));
		assertThat(done.plainText()).contains("gateway flip invoice-extraction secondary (done)");
		assertThat(buttons(done)).noneMatch(b -> b.action().kind() == ActionId.Kind.APPROVE);
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	@Test
	void approvesByTypingTheShownPlan() {
		conversation.command("run 1", ctx("priya-natarajan", "typed-1"));
		String shown = buttons(conversation.command("step", ctx("amelie-laurent", null))).stream()
			.filter(b -> b.action().kind() == ActionId.Kind.APPROVE)
			.findFirst()
			.orElseThrow()
			.action()
			.plan();

		Reply wrong = conversation.command("approve 1 deadbeefdeadbeef", ctx("amelie-laurent", "typed-2"));
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");
		assertThat(wrong.plainText()).contains("(requested)");

		conversation.command("approve 1 " + shown, ctx("amelie-laurent", "typed-3"));
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	private ChatContext ctx(String person, String key) {
		return new ChatContext(person, person, "terminal", null, id, key == null ? null : "INC-" + id + ":" + key);
	}

	private static List<Block.Button> buttons(Reply reply) {
		return reply.blocks()
			.stream()
			.filter(Block.Buttons.class::isInstance)
			.flatMap(b -> ((Block.Buttons) b).buttons().stream())
			.toList();
	}
}
