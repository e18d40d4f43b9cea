package dev.switchboard.gateway.scg;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayContractTests;

/**
 * The gateway contract against a real Spring Cloud Gateway (the scg-harness child JVM) with two
 * fake upstreams behind it, reached through {@link ScgFaults} so the network can misbehave.
 * "Replicas lag" is a refresh that never reaches this gateway instance: the definition is
 * written, the old route keeps serving.
 */
class ScgGatewayContractTests extends GatewayContractTests {

	private static ScgFixture fixture;

	private ScgGateway gateway;

	@BeforeAll
	static void startGateway() {
		fixture = new ScgFixture("contract");
	}

	@AfterAll
	static void stopUpstreams() {
		fixture.close();
	}

	@BeforeEach
	void freshRouteOnPrimary() {
		fixture.freshRoute(List.of());
		gateway = new ScgGateway(fixture.properties(callTimeout(), null, null, null));
	}

	@Override
	protected Gateway gateway() {
		return gateway;
	}

	@Override
	protected String route() {
		return ScgFixture.ROUTE;
	}

	@Override
	protected String primary() {
		return ScgFixture.PRIMARY;
	}

	@Override
	protected String secondary() {
		return ScgFixture.SECONDARY;
	}

	@Override
	protected void someoneElseSelects(String target) {
		fixture.admin.repoint(fixture.routeId, fixture.upstream(target).uri());
	}

	@Override
	protected void gatewayDown(boolean down) {
		fixture.faults.down = down;
	}

	@Override
	protected void gatewaySlow(boolean slow) {
		fixture.faults.adminDelay = slow ? callTimeout().plusSeconds(1) : Duration.ZERO;
	}

	@Override
	protected void replicasLag(boolean lag) {
		fixture.faults.refreshAnsweredWith = lag ? 200 : 0;
	}

	@Override
	protected void targetDown(String target) {
		fixture.upstream(target).down = true;
	}

	@Override
	protected Duration callTimeout() {
		return Duration.ofSeconds(2);
	}
}
