package dev.switchboard.gateway.litellm;

import static dev.switchboard.gateway.litellm.LiteLlmFixture.PRIMARY;
import static dev.switchboard.gateway.litellm.LiteLlmFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.Verification.Outcome;
import dev.switchboard.gateway.VerifyPolicy;
import dev.switchboard.gateway.litellm.LiteLlmProperties.Strategy;

/** The contract against the fake proxy, plus what only a fake can stage: slow, old, DB-less, lossy proxies. */
class LiteLlmGatewayTests extends LiteLlmContract {

	private final FakeLiteLlm proxy = start();

	@Override
	protected URI baseUrl() {
		return proxy.baseUrl();
	}

	@Override
	protected String masterKey() {
		return FakeLiteLlm.MASTER_KEY;
	}

	@Override
	protected OptionalInt writes() {
		return OptionalInt.of(proxy.writes.get());
	}

	@Override
	protected void closeSystem() {
		proxy.close();
	}

	@Test
	void timesOutOnASlowProxy() {
		proxy.adminDelay = Duration.ofSeconds(3);
		LiteLlmGateway impatient = new LiteLlmGateway(properties(baseUrl(), masterKey(), Duration.ofMillis(300)));
		long start = System.nanoTime();

		assertThatThrownBy(() -> impatient.read(route(Strategy.REPOINT))).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.TIMEOUT)
			.hasMessageContaining("300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		proxy.adminDelay = Duration.ZERO;
	}

	@Test
	void failsVerifyWhenProbesTimeOut() {
		proxy.chatDelay = Duration.ofSeconds(2);

		Verification verification = gateway.verify(route(Strategy.REPOINT), PRIMARY,
				new VerifyPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200)));

		assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(verification.observations()).allMatch(line -> line.contains("timeout"));
		proxy.chatDelay = Duration.ZERO;
	}

	@Test
	void refusesBlockOnAProxyTooOldForIt() {
		proxy.version = "1.85.0";

		assertThatThrownBy(() -> gateway.plan(route(Strategy.BLOCK), SECONDARY)).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.UNSUPPORTED)
			.hasMessageContaining("1.85.0")
			.hasMessageContaining("1.90.0");
		assertThat(gateway.plan(route(Strategy.REPOINT), SECONDARY).calls()).hasSize(1);
	}

	@Test
	void refusesBlockWhenTheVersionCannotBeTold() {
		proxy.version = null;

		assertThatThrownBy(() -> gateway.plan(route(Strategy.BLOCK), SECONDARY)).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.UNSUPPORTED)
			.hasMessageContaining("cannot tell");
	}

	@Test
	void takesTheVersionFromTheHeaderWhenReadinessOmitsIt() {
		proxy.readinessReportsVersion = false;
		proxy.version = "1.85.0";
		gateway.read(route(Strategy.BLOCK));

		assertThatThrownBy(() -> gateway.plan(route(Strategy.BLOCK), SECONDARY)).isInstanceOf(GatewayException.class)
			.hasMessageContaining("LiteLLM 1.85.0 has no /model/block");
		proxy.version = "1.95.2";
		assertThat(gateway.plan(route(Strategy.BLOCK), SECONDARY).calls()).hasSize(2);
	}

	@Test
	void refusesToPlanWithoutADatabase() {
		proxy.dbConnected = false;

		assertThatThrownBy(() -> gateway.plan(route(Strategy.REPOINT), SECONDARY)).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.REJECTED)
			.hasMessageContaining("Not connected");
		proxy.dbConnected = true;
	}

	@Test
	void reportsAnAliasTheProxySilentlyDropped() {
		proxy.dropsAlias = true;
		FlipPlan plan = gateway.plan(route(Strategy.ALIAS), SECONDARY);

		assertThatThrownBy(() -> gateway.apply(plan, "incident-2:action-1")).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.REJECTED)
			.hasMessageContaining("dropped model_group_alias");
		assertThat(gateway.read(route(Strategy.ALIAS)).activeTarget()).isEqualTo(PRIMARY);
		proxy.dropsAlias = false;
	}

	@Test
	void failsVerifyWhenAFallbackServesTheProbes() {
		String route = route(Strategy.BLOCK);
		gateway.apply(gateway.plan(route, SECONDARY), "incident-3:action-1");
		proxy.failingApiBases.add(LiteLlmFixture.SECONDARY_BASE);
		fixture.send("POST", "/config/update", Map.of("router_settings",
				Map.of("fallbacks", java.util.List.of(Map.of(route, java.util.List.of(fixture.aliasGroup(PRIMARY)))))));

		Verification verification = gateway.verify(route, SECONDARY, policy());

		assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(verification.observations()).allMatch(line -> line.contains("fallbacks 1"));
	}

	@Test
	void disablesAndEnablesATargetFailingClosed() {
		String route = route(Strategy.BLOCK);

		RouteState disabled = gateway.setEnabled(route, PRIMARY, false);
		Verification closed = gateway.verify(route, PRIMARY, policy());
		RouteState enabled = gateway.setEnabled(route, PRIMARY, true);

		assertThat(disabled.activeTarget()).isNull();
		assertThat(closed.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(closed.observations()).allMatch(line -> line.contains("403"));
		assertThat(enabled.activeTarget()).isEqualTo(PRIMARY);
		assertThat(gateway.verify(route, PRIMARY, policy()).outcome()).isEqualTo(Outcome.VERIFIED);
	}

	@Test
	void refusesAKeyReusedForAnotherPlanAndAnEditedPlan() {
		FlipPlan toSecondary = gateway.plan(route(Strategy.REPOINT), SECONDARY);
		gateway.apply(toSecondary, "incident-4:action-1");
		FlipPlan back = gateway.plan(route(Strategy.REPOINT), PRIMARY);
		FlipPlan edited = new FlipPlan(back.gateway(), back.route(), back.from(), "openai/gpt-4o", back.summary(),
				back.calls(), back.basedOn(), back.hash());

		assertThatThrownBy(() -> gateway.apply(back, "incident-4:action-1")).hasMessageContaining("different plan");
		assertThatThrownBy(() -> gateway.apply(edited, "incident-4:action-2")).hasMessageContaining("hash");
	}

	@Test
	void refusesAConfigFileModelBeforeWriting() {
		proxy.seed("sb-config", "cfg-hash-1", PRIMARY, LiteLlmFixture.PRIMARY_BASE, false, false);
		LiteLlmGateway configured = new LiteLlmGateway(withRoute("sb-config", null));

		assertThatThrownBy(() -> configured.plan("sb-config", SECONDARY)).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.REJECTED)
			.hasMessageContaining("store the model in the DB");
	}

	@Test
	void explainsTheProxysRefusalToEditAConfigFileModel() {
		proxy.reportsDbModel = false;
		proxy.seed("sb-config", "cfg-hash-2", PRIMARY, LiteLlmFixture.PRIMARY_BASE, false, false);
		LiteLlmGateway configured = new LiteLlmGateway(withRoute("sb-config", null));
		FlipPlan plan = configured.plan("sb-config", SECONDARY);
		int writesBefore = proxy.writes.get();

		assertThatThrownBy(() -> configured.apply(plan, "incident-5:action-1")).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.REJECTED)
			.hasMessageContaining("400")
			.hasMessageContaining("store the model in the DB");
		assertThat(proxy.writes.get()).isEqualTo(writesBefore);
	}

	LiteLlmProperties withRoute(String route, String deploymentId) {
		LiteLlmProperties base = properties(baseUrl(), masterKey(), Duration.ofSeconds(5));
		Map<String, LiteLlmProperties.Route> routes = new java.util.HashMap<>(base.routes());
		routes.put(route, new LiteLlmProperties.Route(Strategy.REPOINT, deploymentId,
				base.routes().get(fixture.route(Strategy.REPOINT)).targets()));
		return new LiteLlmProperties(base.baseUrl(), base.masterKey(), null, base.connectTimeout(), base.requestTimeout(),
				base.replicaPollInterval(), base.readBackAttempts(), null, routes);
	}

	private static FakeLiteLlm start() {
		try {
			return FakeLiteLlm.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
