package dev.switchboard.gateway;

import java.util.List;

/**
 * What verify saw.
 *
 * @param observations one line per probe: status, served-by target, fallbacks attempted
 */
public record Verification(Outcome outcome, int probes, int servedByExpected, List<String> observations) {

	public Verification {
		observations = List.copyOf(observations);
	}

	public enum Outcome {
		/** Every probe was served by the expected target, with no fallback. */
		VERIFIED,
		/** The write is there but some probes were still served by another target. */
		WRITTEN_NOT_CONVERGED,
		/** Probes failed (errors, timeouts) or never reached the expected target. */
		FAILED
	}
}
