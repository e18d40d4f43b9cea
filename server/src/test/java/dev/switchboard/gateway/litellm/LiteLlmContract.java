package dev.switchboard.gateway.litellm;

import static dev.switchboard.gateway.litellm.LiteLlmFixture.PRIMARY;
import static dev.switchboard.gateway.litellm.LiteLlmFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification.Outcome;
import dev.switchboard.gateway.VerifyPolicy;
import dev.switchboard.gateway.litellm.LiteLlmProperties.Strategy;

/**
 * What the LiteLLM adapter promises, whatever proxy it talks to: the fake (LiteLlmGatewayTests)
 * or a live one (LiteLlmLiveContractTests). Each test gets its own {@code sb-*} routes.
 */
abstract class LiteLlmContract {

	LiteLlmFixture fixture;

	LiteLlmGateway gateway;

	protected abstract URI baseUrl();

	protected abstract String masterKey();

	/** How long the proxy's replicas take to converge (0 for one pod). */
	protected Duration convergence() {
		return Duration.ZERO;
	}

	/** Writes the proxy has taken so far, when the system under test can tell. */
	protected OptionalInt writes() {
		return OptionalInt.empty();
	}

	protected void closeSystem() {
	}

	@BeforeEach
	void createRoutes() {
		fixture = new LiteLlmFixture(baseUrl(), masterKey());
		gateway = new LiteLlmGateway(properties(baseUrl(), masterKey(), Duration.ofSeconds(5)));
	}

	@AfterEach
	void removeRoutes() {
		try {
			fixture.remove();
		}
		finally {
			closeSystem();
		}
	}

	LiteLlmProperties properties(URI baseUrl, String masterKey, Duration requestTimeout) {
		return new LiteLlmProperties(baseUrl, masterKey, null, Duration.ofSeconds(1), requestTimeout, convergence(), 3,
				null, fixture.routes());
	}

	VerifyPolicy policy() {
		return new VerifyPolicy(3, convergence().plusMillis(100), Duration.ofSeconds(5));
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void flipsVerifiesAndRestores(Strategy strategy) {
		String route = route(strategy);
		assertThat(gateway.routes()).extracting(RouteState::route).contains(route);
		RouteState before = gateway.read(route);
		assertThat(before.activeTarget()).isEqualTo(PRIMARY);
		RouteSnapshot snapshot = new RouteSnapshot("snap-1", "litellm", before, Instant.now(), "before flip");

		FlipPlan plan = gateway.plan(route, SECONDARY);
		assertThat(plan.summary()).startsWith(route + ": " + PRIMARY + " → " + SECONDARY);
		assertThat(plan.calls()).isNotEmpty();
		assertThat(plan.basedOn()).isEqualTo(before.fingerprint());
		RouteState applied = gateway.apply(plan, "incident-1:action-1");
		assertThat(applied.activeTarget()).isEqualTo(SECONDARY);
		assertThat(applied.raw()).containsEntry("read_back", "shows the planned state");
		assertThat(gateway.read(route).activeTarget()).isEqualTo(SECONDARY);
		assertThat(gateway.verify(route, SECONDARY, policy()).outcome()).isEqualTo(Outcome.VERIFIED);
		assertThat(gateway.verify(route, PRIMARY, policy()).outcome()).isEqualTo(Outcome.FAILED);

		RouteState restored = gateway.restore(snapshot, gateway.read(route));
		assertThat(restored.activeTarget()).isEqualTo(PRIMARY);
		assertThat(restored.fingerprint()).isEqualTo(before.fingerprint());
		assertThat(gateway.verify(route, PRIMARY, policy()).outcome()).isEqualTo(Outcome.VERIFIED);
		assertNoSecrets(before, plan, applied, restored);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void changesTheProxyOnceWhenAppliedTwice(Strategy strategy) {
		String route = route(strategy);
		FlipPlan plan = gateway.plan(route, SECONDARY);
		gateway.apply(plan, "incident-1:action-2");
		OptionalInt writesAfterFirst = writes();

		RouteState again = gateway.apply(plan, "incident-1:action-2");
		LiteLlmGateway restarted = new LiteLlmGateway(properties(baseUrl(), masterKey(), Duration.ofSeconds(5)));
		RouteState afterRestart = restarted.apply(plan, "incident-1:action-2");

		assertThat(again.raw().get("apply")).startsWith("skipped");
		assertThat(afterRestart.raw().get("apply")).startsWith("skipped: the route is already as planned");
		assertThat(afterRestart.activeTarget()).isEqualTo(SECONDARY);
		assertThat(writes()).isEqualTo(writesAfterFirst);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void refusesToRestoreOverSomeoneElsesChange(Strategy strategy) {
		String route = route(strategy);
		RouteSnapshot snapshot = new RouteSnapshot("snap-2", "litellm", gateway.read(route), Instant.now(), "before");
		RouteState flipped = gateway.apply(gateway.plan(route, SECONDARY), "incident-1:action-3");
		fixture.changeByHand(strategy);
		RouteState changed = gateway.read(route);

		assertThatThrownBy(() -> gateway.restore(snapshot, flipped)).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.DRIFT)
			.hasMessageContaining(route)
			.hasMessageContaining("snap-2");
		assertThat(gateway.read(route)).isEqualTo(changed);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void refusesAPlanMadeBeforeSomeoneElsesChange(Strategy strategy) {
		String route = route(strategy);
		FlipPlan plan = gateway.plan(route, SECONDARY);
		fixture.changeByHand(strategy);

		assertThatThrownBy(() -> gateway.apply(plan, "incident-1:action-4")).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.STALE_PLAN);
	}

	@Test
	void refusesABadMasterKeyWithoutEchoingItOrItsHash() throws Exception {
		LiteLlmGateway wrongKey = new LiteLlmGateway(properties(baseUrl(), "sk-wrong-key-999", Duration.ofSeconds(5)));
		// LiteLLM's 401 names the presented key's hash (hash_token: SHA-256 hex), which identifies the key
		String hash = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest("sk-wrong-key-999".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> wrongKey.read(route(Strategy.REPOINT))).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.UNAUTHORIZED)
			.hasMessageContaining("401")
			.hasMessageNotContaining("sk-wrong-key-999")
			.hasMessageNotContaining(hash);
	}

	@Test
	void saysTheGatewayIsDownWhenNothingListens() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LiteLlmGateway down = new LiteLlmGateway(
				properties(URI.create("http://127.0.0.1:" + port), masterKey(), Duration.ofSeconds(5)));

		assertThatThrownBy(() -> down.read(route(Strategy.REPOINT))).isInstanceOf(GatewayException.class)
			.hasFieldOrPropertyWithValue("reason", Reason.UNREACHABLE);
	}

	String route(Strategy strategy) {
		if (strategy == Strategy.BLOCK) {
			assumeTrue(fixture.blockSupported, "this proxy has no /model/block");
		}
		return fixture.route(strategy);
	}

	static void assertNoSecrets(Object... shown) {
		for (Object value : shown) {
			for (String secret : LiteLlmFixture.SECRETS) {
				assertThat(String.valueOf(value)).doesNotContain(secret);
			}
		}
	}
}
