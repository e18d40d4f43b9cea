package dev.switchboard.incident.route;

import static dev.switchboard.incident.route.RouteFlipFixture.PRIYA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.Behaviour;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.IncidentState.ActionState.Status;
import dev.switchboard.incident.Postmortems;
import dev.switchboard.incident.TimelineEvent;

/**
 * The content gate after a route change on the sandbox gateway over real HTTP, with the shipped golden sets: a
 * target answering 200 with the right transport and wrong content fails verification and is rolled back
 * automatically (read back and verified on the primary); a healthy one passes with one line per case.
 */
@SpringBootTest(classes = GatewayTestApplication.class, properties = { "switchboard.golden.dir=../goldens",
		"switchboard.golden.rollback-on-failure=true" })
@ActiveProfiles("gatewaytest")
@Import(RouteFlipFixture.class)
class RouteContentGateIntegrationTests {

	private static final int SUPPORT = 2; // tier 2: flip support-replies to its secondary, no second approver

	private static final String ROUTE = "support-replies";

	private static final String PRIMARY = "anthropic/claude-sonnet-4-5";

	private static final String SECONDARY = "openai/gpt-4.1";

	@Autowired
	private RouteFlipFixture fx;

	@Autowired
	private RouteChanges changes;

	@Autowired
	private Postmortems postmortems;

	@BeforeEach
	void calm() {
		fx.calm();
	}

	@Test
	void passesAFlipOntoAHealthyTargetWithOneLinePerCaseInTheTimeline() {
		long id = fx.atSwitchRoute(false);

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);

		TimelineEvent done = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(done.detail("result")).contains("verified, 3/3 probes").contains("golden set 4/4 passed (needs 3)");
		TimelineEvent golden = fx.last(id, EventType.GOLDEN_CHECKED);
		assertThat(golden.detail("goldenVerdict")).isEqualTo("PASSED");
		assertThat(golden.detail("target")).isEqualTo(SECONDARY);
		assertThat((List<?>) golden.details().get("goldenResults")).hasSize(4)
			.allSatisfy(line -> assertThat(line.toString()).startsWith("✓ "));
		assertThat(golden.detail("goldenCalls")).isEqualTo("4");
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
		assertThat(fx.lastKnownGood(ROUTE)).isNotNull();
	}

	@Test
	void failsRollsBackAndVerifiesAFlipOntoATargetThatAnswersWithWrongContent() {
		long id = fx.atSwitchRoute(false);
		fx.sandbox.behave(ROUTE, SECONDARY, Behaviour.DRIFT); // 200, right headers, nonce echoed: probes pass

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);

		TimelineEvent failed = fx.last(id, EventType.ACTION_FAILED);
		assertThat(failed.detail("text")).isEqualTo("gateway flip support-replies secondary");
		assertThat(failed.detail("probes")).isEqualTo("3");
		assertThat(failed.detail("servedByExpected")).isEqualTo("3");
		assertThat(failed.detail("outcome")).isEqualTo("FAILED");
		assertThat(failed.detail("result")).contains("golden set 0/4 passed (needs 3)")
			.contains("✗ refund-window: icontains expected 'refund'")
			.endsWith("rolled back automatically: back on " + PRIMARY + ", verified");
		TimelineEvent rolledBack = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(rolledBack.detail("text")).isEqualTo("gateway rollback support-replies (automatic: verification failed)");
		assertThat(rolledBack.detail("result")).contains("golden set 4/4 passed");
		assertThat(fx.events(id, EventType.GOLDEN_CHECKED)).extracting(e -> e.detail("target") + " " + e.detail("goldenVerdict"))
			.containsExactly(SECONDARY + " FAILED", PRIMARY + " PASSED");
		assertThat(fx.active(ROUTE)).isEqualTo(PRIMARY);
		assertThat(changes.inEffect(id)).isEmpty();
		IncidentState.ActionState flip = fx.incidents.state(id).actions().get(SUPPORT - 1);
		assertThat(flip.status()).isEqualTo(Status.FAILED);
		assertThat(flip.detail()).as("the chat reply's last line says where the route is now")
			.endsWith("back on " + PRIMARY + ", verified");
		assertThat(fx.lastKnownGood(ROUTE)).as("the rolled-back route is verified: last-known-good again").isNotNull();
		assertThat(postmortems.markdown(id)).contains("## Route content (golden sets)")
			.contains("on " + SECONDARY + ": golden set 0/4 passed").contains("  - ✗ refund-window")
			.contains("on " + PRIMARY + ": golden set 4/4 passed")
			.contains("first saw support-replies on " + SECONDARY + " fail at");
	}
}
