package dev.switchboard.gateway.litellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.Verification.Outcome;
import dev.switchboard.gateway.litellm.Probes.Probe;
import dev.switchboard.gateway.litellm.Probes.Probe.Kind;

class ProbesTests {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@Test
	void verifiesWhenEveryProbeReachedTheTarget() {
		assertThat(Probes.verdict(List.of(probe(0, Kind.EXPECTED), probe(10, Kind.EXPECTED)), SETTLE).outcome())
			.isEqualTo(Outcome.VERIFIED);
	}

	@Test
	void forgivesStaleReplicasBeforeTheirPollButNotAfter() {
		List<Probe> converged = List.of(probe(0, Kind.OTHER), probe(20, Kind.EXPECTED), probe(31, Kind.EXPECTED),
				probe(40, Kind.EXPECTED));
		List<Probe> stuck = List.of(probe(0, Kind.OTHER), probe(20, Kind.EXPECTED), probe(31, Kind.OTHER),
				probe(40, Kind.EXPECTED));

		assertThat(Probes.verdict(converged, SETTLE).outcome()).isEqualTo(Outcome.VERIFIED);
		assertThat(Probes.verdict(stuck, SETTLE).outcome()).isEqualTo(Outcome.WRITTEN_NOT_CONVERGED);
	}

	@Test
	void saysNotConvergedWhenTheWindowEndsBeforeThePoll() {
		assertThat(Probes.verdict(List.of(probe(0, Kind.OTHER), probe(1, Kind.EXPECTED)), SETTLE).outcome())
			.isEqualTo(Outcome.WRITTEN_NOT_CONVERGED);
	}

	@Test
	void failsOnAnyErrorOrWhenNoProbeReachedTheTarget() {
		assertThat(Probes.verdict(List.of(probe(0, Kind.EXPECTED), probe(40, Kind.ERROR)), SETTLE).outcome())
			.isEqualTo(Outcome.FAILED);
		assertThat(Probes.verdict(List.of(probe(0, Kind.OTHER), probe(40, Kind.OTHER)), SETTLE).outcome())
			.isEqualTo(Outcome.FAILED);
	}

	private static Probe probe(int second, Kind kind) {
		return new Probe(Duration.ofSeconds(second), kind, "200 served by x");
	}
}
