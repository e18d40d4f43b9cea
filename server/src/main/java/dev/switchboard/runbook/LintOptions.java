package dev.switchboard.runbook;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Knobs of the runbook rules.
 *
 * @param today the date {@code last_reviewed} is measured against
 * @param maxReviewAge how old {@code last_reviewed} may be before lint warns
 */
public record LintOptions(LocalDate today, Duration maxReviewAge) {

	public static final Duration DEFAULT_REVIEW_AGE = Duration.ofDays(180);

	public static LintOptions defaults() {
		return new LintOptions(LocalDate.now(), DEFAULT_REVIEW_AGE);
	}
}
