package dev.switchboard.gateway.sandbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayContractTests;
import dev.switchboard.gateway.GatewayTestApplication;

/** The gateway contract against the sandbox: its admin API and probes over real HTTP on 127.0.0.1. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class SandboxGatewayContractTests extends GatewayContractTests {

	private static final String ROUTE = "contract-route";

	@Autowired
	private SandboxGateway gateway;

	@Autowired
	private SandboxControls controls;

	@BeforeEach
	void calmRoute() {
		controls.calm();
		controls.seed(ROUTE, List.of(primary(), secondary()));
		controls.reset(ROUTE);
	}

	@AfterEach
	void calmGateway() {
		controls.calm();
	}

	@Override
	protected Gateway gateway() {
		return gateway;
	}

	@Override
	protected String route() {
		return ROUTE;
	}

	@Override
	protected String primary() {
		return "openai/gpt-4.1";
	}

	@Override
	protected String secondary() {
		return "anthropic/claude-sonnet-4-5";
	}

	@Override
	protected void someoneElseSelects(String target) {
		controls.select(ROUTE, target);
	}

	@Override
	protected void gatewayDown(boolean down) {
		controls.gatewayDown(down);
	}

	@Override
	protected void gatewaySlow(boolean slow) {
		controls.adminDelay(slow ? callTimeout().plusSeconds(1) : Duration.ZERO);
	}

	@Override
	protected void replicasLag(boolean lag) {
		controls.convergenceLag(lag ? Duration.ofHours(1) : Duration.ZERO);
	}

	@Override
	protected void targetDown(String target) {
		controls.behave(ROUTE, target, Behaviour.DOWN);
	}

	@Override
	protected Duration callTimeout() {
		return Duration.ofSeconds(2);
	}
}
