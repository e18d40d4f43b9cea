package dev.switchboard.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.TestClock;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.route.LeaseExpiry;
import dev.switchboard.incident.Walk;

/** The flip's result carries Roll back and Renew buttons; pressing Roll back twice restores the route once. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class RouteRollbackConversationIntegrationTests {

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

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestClock clock;

	@Autowired
	private LeaseExpiry expiry;

	private long id;

	@BeforeEach
	void atSwitchRoute() {
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		jdbc.sql("UPDATE flip_lease SET ended_at = CURRENT_TIMESTAMP WHERE ended_at IS NULL").update();
		Actor priya = new Actor("priya-natarajan");
		id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, false, null), priya, null).result().id();
		walk.choose(id, null, "hard-outage", priya, null);
		walk.choose(id, null, "switch-route", priya, null);
	}

	@Test
	void putsRollBackAndRenewButtonsOnTheFlipResultAndRollsBackOnceWhenPressedTwice() {
		Reply flipped = conversation.press(new ActionId(ActionId.Kind.RUN, id, "switch-route", 2).encode(),
				ctx("priya-natarajan", "click-1"));
		assertThat(gateway.read("support-replies").activeTarget()).isEqualTo("openai/gpt-4.1");

		Block.Button rollback = button(flipped, ActionId.Kind.ROLLBACK);
		assertThat(rollback.label()).isEqualTo("Roll back support-replies: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
		assertThat(rollback.style()).isEqualTo(Block.Style.DANGER);
		assertThat(rollback.confirm()).startsWith("This changes production");
		assertThat(rollback.action().encode()).isEqualTo("rollback/" + id + "/switch-route/2");
		assertThat(ActionId.decode(rollback.action().encode())).contains(rollback.action());
		assertThat(button(flipped, ActionId.Kind.RENEW).action().encode()).isEqualTo("renew/" + id + "/switch-route/2");
		assertThat(flipped.plainText()).contains("In effect: support-replies on openai/gpt-4.1 (was anthropic/claude-sonnet-4-5")
			.contains("reverts automatically in 60 min unless renewed");

		Reply rolledBack = conversation.press(rollback.action().encode(), ctx("priya-natarajan", "click-2"));
		Reply again = conversation.press(rollback.action().encode(), ctx("amelie-laurent", "click-3"));

		assertThat(gateway.read("support-replies").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
		assertThat(buttons(rolledBack)).noneMatch(b -> b.action().kind() == ActionId.Kind.ROLLBACK);
		assertThat(again.ephemeral()).isTrue();
		assertThat(again.plainText()).contains("no longer in effect");
		String timeline = conversation.command("timeline", ctx("priya-natarajan", null)).plainText();
		assertThat(timeline).containsOnlyOnce("action-started     priya-natarajan  switch-route text=gateway rollback support-replies");
	}

	@Test
	void renewsTheLeaseWhenTyped() {
		conversation.command("run 2", ctx("priya-natarajan", "typed-1"));

		Reply renewed = conversation.command("renew support-replies", ctx("priya-natarajan", "typed-2"));

		assertThat(renewed.ephemeral()).isFalse();
		assertThat(conversation.command("timeline", ctx("priya-natarajan", null)).plainText()).contains("lease-renewed");
		assertThat(conversation.command("renew", ctx("priya-natarajan", "typed-3")).plainText()).contains("renew which route?");
	}

	@Test
	void tellsTheCommanderWhenTheAutomaticRevertFindsTheRouteChangedBySomeoneElse() {
		conversation.command("run 2", ctx("priya-natarajan", "typed-1"));
		sandbox.select("support-replies", "anthropic/claude-sonnet-4-5"); // by hand, on the gateway
		clock.advance(Duration.ofMinutes(61));

		expiry.revertExpired();

		assertThat(conversation.command("status", ctx("priya-natarajan", null)).plainText())
			.contains("Commander priya-natarajan: the automatic revert of support-replies did not happen")
			.contains("Nothing was overwritten")
			.doesNotContain("In effect:");
	}

	private ChatContext ctx(String person, String key) {
		return new ChatContext(person, person, "terminal", null, id, key == null ? null : "INC-" + id + ":" + key);
	}

	private static Block.Button button(Reply reply, ActionId.Kind kind) {
		return buttons(reply).stream().filter(b -> b.action().kind() == kind).findFirst().orElseThrow(
				() -> new AssertionError("no " + kind + " button in:\n" + reply.plainText()));
	}

	private static List<Block.Button> buttons(Reply reply) {
		return reply.blocks()
			.stream()
			.filter(Block.Buttons.class::isInstance)
			.flatMap(b -> ((Block.Buttons) b).buttons().stream())
			.toList();
	}
}
