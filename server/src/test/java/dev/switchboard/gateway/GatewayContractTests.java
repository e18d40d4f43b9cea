package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.GatewayException.Reason;

/**
 * The contract every gateway adapter passes, whatever the gateway behind it: list → snapshot →
 * plan → apply → read back → verify → restore → verify, one apply per idempotency key, drift
 * refused, timeouts instead of hangs, honest failures when the gateway is down, and a write that
 * has not reached every replica reported as such. Subclasses start a real gateway (or a faithful
 * fake) and say how to make it misbehave.
 */
public abstract class GatewayContractTests {

	protected abstract Gateway gateway();

	/** A route with at least two targets, on {@link #primary()}, everything healthy. */
	protected abstract String route();

	protected abstract String primary();

	protected abstract String secondary();

	/** Someone changes the route on the gateway itself, behind Switchboard's back. */
	protected abstract void someoneElseSelects(String target);

	protected abstract void gatewayDown(boolean down);

	/** Admin calls answer more slowly than the adapter's call timeout. */
	protected abstract void gatewaySlow(boolean slow);

	/** Replicas serve an older route table for longer than the verify window. */
	protected abstract void replicasLag(boolean lag);

	/** The upstream behind a target fails every request. */
	protected abstract void targetDown(String target);

	/** The adapter's call timeout. */
	protected abstract Duration callTimeout();

	protected VerifyPolicy policy() {
		return new VerifyPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));
	}

	@Test
	void listsTheRouteWithEveryTarget() {
		RouteState route = gateway().routes().stream().filter(r -> r.route().equals(route())).findFirst().orElseThrow();

		assertThat(route.activeTarget()).isEqualTo(primary());
		assertThat(route.targets()).extracting(RouteState.Target::model).contains(primary(), secondary());
		assertThat(route.fingerprint()).isEqualTo(gateway().read(route()).fingerprint());
	}

	@Test
	void flipsVerifiesAndRestoresTheSnapshot() {
		RouteState before = gateway().read(route());
		RouteSnapshot snapshot = new RouteSnapshot("test-before", gateway().kind(), before, Instant.now(), "contract");

		FlipPlan plan = gateway().plan(route(), secondary());
		assertThat(plan.summary()).contains(route()).contains(primary()).contains(secondary());
		assertThat(plan.basedOn()).isEqualTo(before.fingerprint());
		assertThat(plan.calls()).isNotEmpty();

		RouteState applied = gateway().apply(plan, "contract-" + System.nanoTime());
		RouteState readBack = gateway().read(route());
		assertThat(applied.activeTarget()).isEqualTo(secondary());
		assertThat(readBack.activeTarget()).isEqualTo(secondary());
		assertThat(readBack.fingerprint()).isNotEqualTo(before.fingerprint());
		assertThat(gateway().verify(route(), secondary(), policy()).outcome()).isEqualTo(Verification.Outcome.VERIFIED);

		RouteState restored = gateway().restore(snapshot, readBack);
		assertThat(restored.activeTarget()).isEqualTo(primary());
		assertThat(restored.fingerprint()).isEqualTo(before.fingerprint());
		Verification verified = gateway().verify(route(), primary(), policy());
		assertThat(verified.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
		assertThat(verified.servedByExpected()).isEqualTo(verified.probes());
	}

	@Test
	void appliesAPlanOnceForOneIdempotencyKey() {
		FlipPlan plan = gateway().plan(route(), secondary());
		String key = "contract-once-" + System.nanoTime();
		gateway().apply(plan, key);
		someoneElseSelects(primary());

		RouteState again = gateway().apply(plan, key);

		assertThat(again.activeTarget()).as("a repeated key is not applied again").isEqualTo(primary());
	}

	@Test
	void refusesAPlanMadeBeforeTheRouteChanged() {
		FlipPlan plan = gateway().plan(route(), secondary());
		gateway().setEnabled(route(), secondary(), false);

		assertThatThrownBy(() -> gateway().apply(plan, "contract-stale-" + System.nanoTime()))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.STALE_PLAN));
		assertThat(gateway().read(route()).activeTarget()).isEqualTo(primary());
	}

	@Test
	void refusesToRestoreOverSomeoneElsesChangeWithADriftReport() {
		RouteState before = gateway().read(route());
		RouteSnapshot snapshot = new RouteSnapshot("test-before", gateway().kind(), before, Instant.now(), "contract");
		RouteState flipped = gateway().apply(gateway().plan(route(), secondary()), "contract-drift-" + System.nanoTime());
		someoneElseSelects(primary());
		gateway().setEnabled(route(), secondary(), false);

		assertThatThrownBy(() -> gateway().restore(snapshot, flipped))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.DRIFT);
				assertThat(ex.getMessage()).contains("active target: expected " + secondary() + ", found " + primary())
					.contains("was disabled");
			});
		assertThat(gateway().read(route()).targets()).anyMatch(t -> t.model().equals(secondary()) && !t.enabled());
	}

	@Test
	void timesOutInsteadOfHanging() {
		gatewaySlow(true);
		long start = System.nanoTime();

		assertThatThrownBy(() -> gateway().read(route()))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(callTimeout().plusSeconds(2));
	}

	@Test
	void failsHonestlyWhenTheGatewayIsDown() {
		FlipPlan plan = gateway().plan(route(), secondary());
		gatewayDown(true);

		assertThatThrownBy(() -> gateway().apply(plan, "contract-down-" + System.nanoTime()))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.UNREACHABLE));
		Verification verification = gateway().verify(route(), secondary(), policy());
		assertThat(verification.outcome()).isEqualTo(Verification.Outcome.FAILED);
		assertThat(verification.servedByExpected()).isZero();

		gatewayDown(false);
		assertThat(gateway().read(route()).activeTarget()).as("nothing was written").isEqualTo(primary());
	}

	@Test
	void reportsAWriteNotYetServedByEveryReplicaAsNotConverged() {
		replicasLag(true);

		RouteState written = gateway().apply(gateway().plan(route(), secondary()), "contract-lag-" + System.nanoTime());
		Verification verification = gateway().verify(route(), secondary(), policy());

		assertThat(written.activeTarget()).isEqualTo(secondary());
		assertThat(verification.outcome()).isEqualTo(Verification.Outcome.WRITTEN_NOT_CONVERGED);
		assertThat(verification.observations()).allMatch(line -> !line.contains("wrong content"));
	}

	@Test
	void failsVerificationWhenTheNewTargetFails() {
		targetDown(secondary());

		gateway().apply(gateway().plan(route(), secondary()), "contract-target-down-" + System.nanoTime());
		Verification verification = gateway().verify(route(), secondary(), policy());

		assertThat(verification.outcome()).isEqualTo(Verification.Outcome.FAILED);
		assertThat(verification.servedByExpected()).isZero();
	}

	@Test
	void disablesAndEnablesATarget() {
		RouteState disabled = gateway().setEnabled(route(), primary(), false);
		assertThat(disabled.activeTarget()).isNull();
		assertThat(gateway().verify(route(), null, policy()).outcome()).as("probes are refused")
			.isEqualTo(Verification.Outcome.VERIFIED);

		RouteState enabled = gateway().setEnabled(route(), primary(), true);
		assertThat(enabled.activeTarget()).isEqualTo(primary());
		assertThat(gateway().verify(route(), primary(), policy()).outcome()).isEqualTo(Verification.Outcome.VERIFIED);
	}

	@Test
	void refusesUnknownRoutesAndTargets() {
		assertThatThrownBy(() -> gateway().read("no-such-route-" + System.nanoTime()))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_ROUTE));
		assertThatThrownBy(() -> gateway().plan(route(), "nobody/no-model"))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_TARGET));
		assertThat(List.of(gateway().read(route()).activeTarget())).containsExactly(primary());
	}
}
