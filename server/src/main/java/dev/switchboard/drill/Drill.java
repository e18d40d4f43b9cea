package dev.switchboard.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * A drill as stored: which scenario (its text pinned), how far its timeline has gone and whether
 * its clock runs. Drill time is {@code elapsed} plus the time since {@code runningSince} while it runs.
 *
 * @param fired how many injected events have fired; the next is the scenario's {@code events[fired]}
 */
public record Drill(long incidentId, String scenarioId, String scenarioFile, String scenarioSource, String runbookId,
		String facilitator, DrillStatus status, int fired, Duration elapsed, Instant runningSince, Instant startedAt,
		Instant endedAt, Integer score, String report) {

	/** Drill time at {@code now}. */
	public Duration at(Instant now) {
		return status == DrillStatus.RUNNING && runningSince != null && now.isAfter(runningSince)
				? elapsed.plus(Duration.between(runningSince, now)) : elapsed;
	}
}
