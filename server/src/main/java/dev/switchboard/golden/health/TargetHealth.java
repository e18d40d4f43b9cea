package dev.switchboard.golden.health;

import java.time.Instant;

import dev.switchboard.golden.GoldenRun;

/**
 * What Switchboard last saw of one target of a route.
 *
 * @param live whether the target served the route when it was checked (else a standby, exercised directly)
 * @param last the last golden run on it, or null when it could not be exercised ({@code note} says why)
 * @param consecutiveFailures failing runs in a row, up to the last one
 * @param failingSince when the first of those failing runs was made (null while passing): when the drop was first seen
 */
public record TargetHealth(String route, String target, boolean live, GoldenRun last, int consecutiveFailures,
		Instant failingSince, String note, Instant at) {

	/** {@code healthy}, {@code unhealthy} or {@code unknown}. */
	public String verdict() {
		return last == null ? "unknown" : last.passed() ? "healthy" : "unhealthy";
	}

	/** {@code openai/gpt-4.1 (live): healthy, golden 4/4 at 2026-…} */
	public String line() {
		return target + (live ? " (live)" : " (standby)") + ": " + verdict()
				+ (last == null ? " — " + note : ", golden " + last.passedCount() + "/" + last.cases().size() + " at " + at);
	}
}
