package dev.switchboard.gateway.litellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.incident.Walk;

/**
 * The content gate on the LiteLLM adapter, against the project's fake proxy over real HTTP: the route
 * support-replies is a repoint route whose secondary's upstream answers 200 with the right {@code x-litellm-*}
 * headers and garbage content (the trial of issue 13, where probes alone called it verified). The flip fails on its
 * golden set, is rolled back automatically, read back and verified on the primary.
 */
@SpringBootTest(classes = GatewayTestApplication.class, properties = "switchboard.golden.rollback-on-failure=true")
@ActiveProfiles("gatewaytest")
class LiteLlmContentGateIntegrationTests {

	private static final String PRIMARY = "anthropic/claude-sonnet-4-5";

	private static final String SECONDARY = "openai/gpt-4.1";

	private static final String PRIMARY_BASE = "https://anthropic.example.test";

	private static final String SECONDARY_BASE = "https://openai.example.test";

	private static final Actor PRIYA = new Actor("priya-natarajan");

	private static final FakeLiteLlm PROXY;

	private static final Path GOLDENS;

	static {
		try {
			PROXY = FakeLiteLlm.start();
			GOLDENS = Files.createTempDirectory("goldens");
			Files.writeString(GOLDENS.resolve("support-replies.yaml"), """
					service: support-replies
					pass_at_least: 2
					cases:
					  - id: refund-window
					    messages: [{role: user, content: "I paid yesterday by mistake. Can I get my money back?"}]
					    reference: "Hi, refunds are possible within 14 days, so we can refund it."
					    assert:
					      - {type: icontains, value: refund}
					      - {type: regex, value: "^Hi"}
					  - id: no-gibberish
					    messages: [{role: user, content: "How do I cancel?"}]
					    reference: "Hi, refunds are possible within 14 days; you can cancel any time."
					    assert:
					      - {type: not-contains, value: "[["}
					      - {type: regex, value: "^Hi"}
					""");
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
		PROXY.seed("support-replies", "sr-deployment", PRIMARY, PRIMARY_BASE, true, false);
		PROXY.answersByApiBase.put(PRIMARY_BASE, "Hi, refunds are possible within 14 days; you can cancel any time.");
		PROXY.answersByApiBase.put(SECONDARY_BASE, "~~ qz#%@ [[glorp]] … not-an-answer ~~");
	}

	@DynamicPropertySource
	static void proxy(DynamicPropertyRegistry registry) {
		String route = "switchboard.gateway.litellm.routes.support-replies.";
		registry.add("switchboard.gateway.litellm.base-url", () -> PROXY.baseUrl().toString());
		registry.add("switchboard.gateway.litellm.master-key", () -> FakeLiteLlm.MASTER_KEY);
		registry.add("switchboard.gateway.litellm.replica-poll-interval", () -> "0s");
		registry.add(route + "strategy", () -> "repoint");
		registry.add(route + "deployment-id", () -> "sr-deployment");
		registry.add(route + "targets[0].model", () -> PRIMARY);
		registry.add(route + "targets[0].api-base", () -> PRIMARY_BASE);
		registry.add(route + "targets[1].model", () -> SECONDARY);
		registry.add(route + "targets[1].api-base", () -> SECONDARY_BASE);
		registry.add("switchboard.gateway.routes.support-replies", () -> "litellm");
		registry.add("switchboard.golden.dir", GOLDENS::toString);
	}

	@AfterAll
	static void stop() {
		PROXY.close();
	}

	@Autowired
	private Declarations declarations;

	@Autowired
	private Walk walk;

	@Autowired
	private StepActions actions;

	@Autowired
	private Incidents incidents;

	@Autowired
	private GatewayRegistry gateways;

	@Test
	void failsRollsBackAndVerifiesAFlipOntoAnUpstreamThatAnswersGarbageWithTheRightHeaders() {
		long id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, false, null), PRIYA, null)
			.result()
			.id();
		walk.choose(id, null, "hard-outage", PRIYA, null);
		walk.choose(id, null, "switch-route", PRIYA, null);

		actions.run(id, "switch-route", 2, PRIYA, null); // gateway flip support-replies secondary

		List<TimelineEvent> timeline = incidents.timeline(id);
		TimelineEvent failed = last(timeline, EventType.ACTION_FAILED);
		assertThat(failed.detail("gateway")).isEqualTo("litellm");
		assertThat(failed.detail("servedByExpected")).as("the probes alone passed").isEqualTo(failed.detail("probes"));
		assertThat(failed.detail("result")).contains("golden set 0/2 passed (needs 2)")
			.contains("✗ refund-window: icontains expected 'refund', got '~~ qz#%@ [[glorp]]")
			.endsWith("rolled back automatically: back on " + PRIMARY + ", verified");
		TimelineEvent rolledBack = last(timeline, EventType.ACTION_SUCCEEDED);
		assertThat(rolledBack.detail("text")).startsWith("gateway rollback support-replies");
		assertThat(rolledBack.detail("result")).contains("golden set 2/2 passed");
		assertThat(gateways.forRoute("support-replies").read("support-replies").activeTarget()).isEqualTo(PRIMARY);
	}

	private static TimelineEvent last(List<TimelineEvent> timeline, EventType type) {
		return timeline.stream().filter(e -> e.type() == type).reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no " + type + " in " + timeline));
	}
}
