package dev.switchboard.gateway.scg;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

	private static final String ROUTE = "contract-route";

	private static final AtomicInteger ROUTES = new AtomicInteger();

	private static ScgAdmin admin;

	private static ScgFaults faults;

	private static FakeUpstream primaryUpstream;

	private static FakeUpstream secondaryUpstream;

	private String routeId;

	private ScgGateway gateway;

	@BeforeAll
	static void startGateway() throws IOException {
		ScgHarness scg = ScgHarness.shared();
		admin = new ScgAdmin(scg.base());
		faults = new ScgFaults(scg.base());
		primaryUpstream = new FakeUpstream("openai-upstream");
		secondaryUpstream = new FakeUpstream("anthropic-upstream");
	}

	@AfterAll
	static void stopUpstreams() {
		faults.close();
		primaryUpstream.close();
		secondaryUpstream.close();
	}

	@BeforeEach
	void freshRouteOnPrimary() {
		faults.calm();
		primaryUpstream.down = false;
		secondaryUpstream.down = false;
		routeId = "sb-contract-" + ROUTES.incrementAndGet();
		admin.define(routeId, primaryUpstream.uri(), Map.of("owner", "platform-team"));
		admin.refresh();
		gateway = new ScgGateway(properties());
	}

	private ScgProperties properties() {
		ScgProperties.Route route = new ScgProperties.Route(routeId, ScgAdmin.probePath(routeId), Map.of(),
				List.of(new ScgProperties.Target(primary(), primaryUpstream.uri(), primaryUpstream.id),
						new ScgProperties.Target(secondary(), secondaryUpstream.uri(), secondaryUpstream.id)));
		return new ScgProperties(faults.uri(), null, null, null, null, null, Duration.ofSeconds(1), callTimeout(),
				FakeUpstream.SERVED_BY, null, Map.of(ROUTE, route));
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
		admin.repoint(routeId, (target.equals(primary()) ? primaryUpstream : secondaryUpstream).uri());
	}

	@Override
	protected void gatewayDown(boolean down) {
		faults.down = down;
	}

	@Override
	protected void gatewaySlow(boolean slow) {
		faults.adminDelay = slow ? callTimeout().plusSeconds(1) : Duration.ZERO;
	}

	@Override
	protected void replicasLag(boolean lag) {
		faults.refreshAnsweredWith = lag ? 200 : 0;
	}

	@Override
	protected void targetDown(String target) {
		(target.equals(primary()) ? primaryUpstream : secondaryUpstream).down = true;
	}

	@Override
	protected Duration callTimeout() {
		return Duration.ofSeconds(2);
	}
}
