package dev.switchboard.gateway;

import java.time.Duration;

/**
 * How hard verify probes: {@code probes} small requests spread over {@code window}, which must be
 * at least the gateway's replica convergence interval (LiteLLM replicas poll their DB every 30 s
 * by default).
 */
public record VerifyPolicy(int probes, Duration window, Duration probeTimeout) {

	public VerifyPolicy {
		if (probes < 1 || probes > 100) {
			throw new IllegalArgumentException("probes must be between 1 and 100");
		}
	}
}
