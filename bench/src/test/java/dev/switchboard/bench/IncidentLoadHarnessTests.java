package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentLoadHarnessTests {

	@Test
	void runsAClosedLoopWithThePositionalArgumentsAlone() {
		assertThat(IncidentLoadHarness.rate(new String[] { "http://x", "tok", "200", "50", "ai-outage" })).isZero();
	}

	@Test
	void readsAnOpenLoopRateAfterThePositionalArguments() {
		assertThat(IncidentLoadHarness.rate(new String[] { "http://x", "tok", "200", "50", "ai-outage", "--rate", "300" }))
			.isEqualTo(300);
	}
}
