package dev.switchboard.golden.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.TestClock;
import dev.switchboard.gateway.sandbox.Behaviour;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.golden.GoldenProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Route health on the sandbox over real HTTP with the shipped golden sets: the canary exercises every live and
 * standby target, a standby that is down shows unhealthy before anyone flips to it, a live route that drifts raises
 * its owners' alert on the second failing run (within two canary periods) and the first passing run clears it.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.golden.dir=../goldens", "switchboard.golden.canary.enabled=true",
				"switchboard.golden.canary.status-timeout=1s" })
@ActiveProfiles("gatewaytest")
@RecordApplicationEvents
class RouteHealthIntegrationTests {

	private static final String ROUTE = "support-replies";

	private static final String LIVE = "anthropic/claude-sonnet-4-5";

	private static final String STANDBY = "openai/gpt-4.1";

	@Autowired
	private Canary canary;

	@Autowired
	private RouteHealth health;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private TestClock clock;

	@Autowired
	private GoldenProperties properties;

	@Autowired
	private ApplicationEvents events;

	@LocalServerPort
	private int port;

	@BeforeEach
	void calm() {
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		health.alerts().forEach(a -> health.clear(a.route()));
	}

	@Test
	void showsAStandbyThatIsDownAsUnhealthyBeforeAnyoneFlipsToIt() throws Exception {
		sandbox.behave(ROUTE, STANDBY, Behaviour.DOWN);

		canary.runOnce();

		assertThat(health.target(ROUTE, STANDBY)).get().satisfies(t -> {
			assertThat(t.live()).isFalse();
			assertThat(t.verdict()).isEqualTo("unhealthy");
			assertThat(t.last().cases()).allSatisfy(c -> assertThat(c.failures().get(0)).startsWith("HTTP 503"));
		});
		assertThat(health.target(ROUTE, LIVE)).get().satisfies(t -> assertThat(t.verdict()).isEqualTo("healthy"));
		JsonNode row = routes().valueStream().filter(r -> r.path("route").asString().equals(ROUTE)).findFirst().orElseThrow();
		assertThat(row.path("active").asString()).as("the row as before, unwrapped").isEqualTo(LIVE);
		assertThat(row.at("/health/golden").asString()).startsWith("../goldens/support-replies.yaml: 4 cases");
		assertThat(row.at("/health/targets").valueStream().map(t -> t.path("target").asString() + " "
				+ t.path("live").asBoolean() + " " + t.path("verdict").asString() + " " + t.path("passed").asString()))
			.containsExactly(LIVE + " true healthy 4/4", STANDBY + " false unhealthy 0/4");
		assertThat(row.at("/health/vendors").valueStream().map(v -> v.path("status").asString()))
			.as("a status page that does not answer is unknown, never operational").isNotEmpty().containsOnly("unknown");
	}

	@Test
	void raisesTheOwnersAlertWithinTwoCanaryPeriodsOfDriftAndClearsItOnRecovery() {
		canary.tick(); // the first tick starts the clock: runs come one interval apart
		sandbox.behave(ROUTE, LIVE, Behaviour.DRIFT);

		clock.advance(properties.canary().interval());
		canary.tick();
		assertThat(events.stream(RouteAlert.Raised.class)).as("one failing run is not yet an alert").isEmpty();
		clock.advance(properties.canary().interval());
		canary.tick();

		List<RouteAlert.Raised> raised = events.stream(RouteAlert.Raised.class).toList();
		assertThat(raised).hasSize(1);
		RouteAlert alert = raised.get(0).alert();
		assertThat(alert.route()).isEqualTo(ROUTE);
		assertThat(alert.team()).isEqualTo("support-automation");
		assertThat(alert.runbook()).isEqualTo("format-drift");
		assertThat(alert.summary()).contains("golden set 0/4 passed (needs 3) on " + LIVE + ", 2 canary runs in a row");
		assertThat(alert.evidence()).first().asString().startsWith("✗ refund-window: icontains expected 'refund'");

		sandbox.behave(ROUTE, LIVE, Behaviour.HEALTHY);
		clock.advance(properties.canary().interval());
		canary.tick();

		assertThat(events.stream(RouteAlert.Cleared.class)).singleElement()
			.satisfies(c -> assertThat(c.summary()).contains("golden set 4/4 passed"));
		assertThat(health.alert(ROUTE)).isEmpty();
	}

	private JsonNode routes() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/gateway/routes"))
			.header("Authorization", "Bearer test-token-amelie")
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}
}
