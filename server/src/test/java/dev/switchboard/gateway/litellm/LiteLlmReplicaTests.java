package dev.switchboard.gateway.litellm;

import static dev.switchboard.gateway.litellm.LiteLlmFixture.PRIMARY;
import static dev.switchboard.gateway.litellm.LiteLlmFixture.PRIMARY_BASE;
import static dev.switchboard.gateway.litellm.LiteLlmFixture.SECONDARY;
import static dev.switchboard.gateway.litellm.LiteLlmFixture.SECONDARY_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.Verification.Outcome;
import dev.switchboard.gateway.VerifyPolicy;
import dev.switchboard.gateway.litellm.LiteLlmProperties.Strategy;

/**
 * Two LiteLLM pods behind one address, sharing a DB that the pod which did not take the write
 * reads only after a poll delay: verify must not call a flip done before both pods serve it.
 */
class LiteLlmReplicaTests {

	private static final Duration POLL = Duration.ofMillis(1000);

	private static final String ROUTE = "invoice-extraction";

	private final FakeLiteLlm proxy = start();

	private final LiteLlmGateway gateway = new LiteLlmGateway(new LiteLlmProperties(proxy.baseUrl(),
			FakeLiteLlm.MASTER_KEY, null, null, null, POLL, 3, null,
			Map.of(ROUTE, new LiteLlmProperties.Route(Strategy.REPOINT, "dep-1",
					List.of(new LiteLlmProperties.Target(PRIMARY, PRIMARY_BASE, null, null),
							new LiteLlmProperties.Target(SECONDARY, SECONDARY_BASE, "os.environ/ANTHROPIC_API_KEY", null))))));

	@AfterEach
	void stop() {
		proxy.close();
	}

	@Test
	void saysWrittenButNotConvergedWithinAShortWindowAndVerifiedOverAPollInterval() {
		RouteState applied = gateway.apply(gateway.plan(ROUTE, SECONDARY), "incident-7:action-1");

		Verification early = gateway.verify(ROUTE, SECONDARY, new VerifyPolicy(4, Duration.ofMillis(150),
				Duration.ofSeconds(2)));
		Verification later = gateway.verify(ROUTE, SECONDARY, new VerifyPolicy(6, POLL.multipliedBy(2),
				Duration.ofSeconds(2)));

		assertThat(applied.raw()).containsEntry("read_back", "shows the planned state");
		assertThat(early.outcome()).isEqualTo(Outcome.WRITTEN_NOT_CONVERGED);
		assertThat(early.servedByExpected()).isBetween(1, 3);
		assertThat(early.observations()).anyMatch(line -> line.contains("OTHER target"));
		assertThat(later.outcome()).isEqualTo(Outcome.VERIFIED);
	}

	@Test
	void treatsSavedButNotLiveAsWrittenNotVerified() {
		proxy.savedNotLive = true;

		RouteState applied = gateway.apply(gateway.plan(ROUTE, SECONDARY), "incident-7:action-2");
		Verification later = gateway.verify(ROUTE, SECONDARY, new VerifyPolicy(5, POLL.multipliedBy(2),
				Duration.ofSeconds(2)));

		assertThat(applied.raw().get("apply")).contains("saved to LiteLLM's database but not live")
			.contains("written, not verified");
		assertThat(applied.raw().get("read_back")).startsWith("not visible");
		assertThat(applied.activeTarget()).isEqualTo(PRIMARY);
		assertThat(later.outcome()).isEqualTo(Outcome.VERIFIED);
		assertThat(gateway.read(ROUTE).activeTarget()).isEqualTo(SECONDARY);
	}

	private static FakeLiteLlm start() {
		try {
			FakeLiteLlm proxy = FakeLiteLlm.replicas(2, POLL);
			proxy.seed(ROUTE, "dep-1", PRIMARY, PRIMARY_BASE, true, false);
			return proxy;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
