package dev.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;

/**
 * The console in a real Chromium, as people use it: signed in with OpenID Connect at a real provider,
 * two people in two browser sessions on one incident, the first page following the second person's
 * approval live (server-sent events), a drill from start to its report, and refusals shown with
 * their reason. Screenshots of the main pages land in {@code target/console-screenshots/}.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("gatewaytest")
class ConsoleBrowserTests {

	private static OpenIdProvider provider;

	@DynamicPropertySource
	static void signInWithTheProvider(DynamicPropertyRegistry registry) {
		provider = OpenIdProvider.start();
		String prefix = "spring.security.oauth2.client.registration.sso.";
		registry.add(prefix + "client-id", () -> OpenIdProvider.CLIENT_ID);
		registry.add(prefix + "client-secret", () -> OpenIdProvider.CLIENT_SECRET);
		registry.add(prefix + "client-authentication-method", () -> "client_secret_basic");
		registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
		registry.add(prefix + "scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", provider::issuer);
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private SandboxGateway gateway;

	private String base;

	@BeforeEach
	void calm() {
		base = "http://127.0.0.1:" + port;
		provider.allowRedirect(base + "/login/oauth2/code/sso");
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
	}

	@Test
	void runsAWholeIncidentWithASecondApproverWhosePressTheFirstPageShowsLive() {
		try (Browser priya = new Browser(base).signIn("priya"); Browser amelie = new Browser(base).signIn("amelie")) {
			assertThat(priya.driver.findElement(By.id("viewer")).getText()).isEqualTo("Priya Natarajan");
			new org.openqa.selenium.support.ui.Select(priya.driver.findElement(By.id("runbook"))).selectByValue("ai-outage");
			new org.openqa.selenium.support.ui.Select(priya.driver.findElement(By.id("severity"))).selectByValue("sev1");
			new org.openqa.selenium.support.ui.Select(priya.driver.findElement(By.id("service")))
				.selectByValue("invoice-extraction");
			priya.press("Declare");
			priya.waitForText("Triage: what is failing?");
			String incident = priya.driver.getCurrentUrl().substring(base.length());
			assertThat(incident).matches("/incidents/INC-[0-9]+");
			priya.screenshot("incident-declared");

			priya.press("Hard outage");
			priya.waitForText("Switch to the secondary route");
			priya.press("Switch to the secondary route");
			priya.waitForText("gateway flip invoice-extraction secondary");
			priya.press("gateway flip invoice-extraction secondary");
			assertThat(priya.waitFor(By.id("plan")).getText())
				.contains("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
			priya.screenshot("flip-confirmation");
			priya.press("Yes, do it");
			priya.waitForText("Waiting for a second approver");
			assertThat(priya.driver.findElement(By.cssSelector(".approvers")).getText()).contains("Amélie Laurent")
				.doesNotContain("Priya Natarajan");
			assertThat(priya.driver.findElements(By.xpath("//*[starts-with(normalize-space(.), 'Approve:')]")))
				.as("the requester gets no Approve button")
				.isEmpty();
			assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");
			priya.screenshot("incident-awaiting-approval");

			amelie.open(incident);
			amelie.press("Approve: invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
			assertThat(amelie.waitFor(By.id("plan")).getText()).contains("Approve");
			amelie.press("Yes, do it");
			amelie.waitForText("In effect: invoice-extraction on anthropic/claude-sonnet-4-5");
			assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");

			// Priya's page was not reloaded: the timeline and the step follow over server-sent events.
			String before = priya.driver.getCurrentUrl();
			priya.waitForText("In effect: invoice-extraction on anthropic/claude-sonnet-4-5");
			priya.waitForText("amelie-laurent");
			assertThat(priya.driver.getCurrentUrl()).isEqualTo(before);
			assertThat(priya.text()).doesNotContain("Waiting for a second approver");
			priya.screenshot("incident-live-after-approval");

			priya.press("Roll back invoice-extraction");
			assertThat(priya.waitFor(By.id("plan")).getText())
				.contains("invoice-extraction: anthropic/claude-sonnet-4-5 → openai/gpt-4.1");
			priya.press("Yes, do it");
			priya.waitForTextGone("In effect: invoice-extraction");
			assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");

			priya.driver.findElement(By.id("note-text")).sendKeys("Vendor confirms recovery at 03:40");
			priya.press("Add note");
			priya.waitForText("Noted.");
			priya.driver.findElement(By.id("resolve-summary")).sendKeys("Secondary served all traffic; primary restored");
			priya.press("Resolve");
			priya.waitForText("resolved");
			priya.driver.findElement(By.id("postmortem-link")).click();
			priya.waitForText("Secondary served all traffic; primary restored");
			assertThat(priya.text()).contains("amelie-laurent");
			priya.screenshot("postmortem");

			priya.open("/");
			priya.waitForText(incident.substring("/incidents/".length()));
			priya.screenshot("incidents");
		}
	}

	@Test
	void refusesAFlipToSomeoneWhoMayNotChangeTheRouteWithTheReasonAndShowsAStrangerNothing() {
		try (Browser tomasz = new Browser(base).signIn("tomasz")) {
			tomasz.press("Declare");
			tomasz.waitForText("Triage: what is failing?");
			tomasz.press("Hard outage");
			tomasz.press("Switch to the secondary route");
			tomasz.press("gateway flip invoice-extraction secondary");
			tomasz.press("Yes, do it");
			tomasz.waitForText("may not change routes of invoice-extraction");
			assertThat(tomasz.text()).contains("(refused)");
			assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");
			tomasz.screenshot("incident-refused");
		}
		try (Browser mallory = new Browser(base).signIn("mallory")) {
			assertThat(mallory.waitFor(By.id("problem")).getText()).contains("mallory@example.com")
				.contains("not in ownership.yaml");
			assertThat(mallory.text()).doesNotContain("INC-").doesNotContain("Declare");
			mallory.open("/runbooks");
			assertThat(mallory.waitFor(By.id("problem")).getText()).contains("not in ownership.yaml");
		}
	}

	@Test
	void runsADrillFromAScenarioToItsScoredReport() {
		try (Browser priya = new Browser(base).signIn("priya")) {
			priya.open("/drills");
			new org.openqa.selenium.support.ui.Select(priya.waitFor(By.id("scenario"))).selectByValue("ai-outage-hard-outage");
			priya.press("Start drill");
			priya.waitForText("Facilitator");
			assertThat(priya.driver.getCurrentUrl()).matches(".*/drills/INC-[0-9]+");
			priya.press("Next event now");
			priya.waitForText("Event 1 of");
			priya.press("Pause");
			priya.waitForText("Drill paused");
			priya.press("Resume");
			priya.waitForText("Drill running");
			priya.screenshot("drill-room");
			priya.press("End drill");
			assertThat(priya.waitFor(By.id("score")).getText()).matches("Score [0-9]+ / 100");
			assertThat(priya.text()).contains("Report");
			priya.screenshot("drill-report");
		}
	}

	@Test
	void drawsTheRunbookAndShowsWhoIsOnCallAndTheGatewayRoutes() {
		try (Browser priya = new Browser(base).signIn("priya")) {
			priya.open("/runbooks");
			priya.driver.findElement(By.linkText("ai-outage")).click();
			priya.waitFor(By.cssSelector(".diagram svg"));
			assertThat(priya.driver.findElements(By.cssSelector(".diagram svg g.node")))
				.hasSizeGreaterThanOrEqualTo(8);
			assertThat(priya.driver.findElements(By.cssSelector(".diagram svg g.node.switch-route"))).isNotEmpty();
			assertThat(priya.driver.findElement(By.id("last-drilled")).getText()).isNotBlank();
			priya.screenshot("runbook");

			priya.open("/who?q=invoice-extraction");
			priya.waitForText("Who: invoice-extraction");
			assertThat(priya.text()).contains("OpenAI").contains("On call at");
			priya.screenshot("who");

			priya.open("/gateway");
			priya.waitForText("invoice-extraction");
			priya.screenshot("gateway");
		}
	}

	@Test
	void servesTheDecisionTreeAsMermaidText() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/runbooks/ai-outage/diagram.mmd"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/vnd.mermaid"));
		assertThat(response.body()).startsWith("---\ntitle: AI provider outage (ai-outage)")
			.contains("flowchart TD")
			.contains("-->|\"Hard outage\"|")
			.contains("class s0 none")
			.containsPattern("class s[0-9]+ switch_route");
	}
}
