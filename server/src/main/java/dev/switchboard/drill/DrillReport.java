package dev.switchboard.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A drill's scored report. {@link #markdown()} is what chat shows at {@code drill end} and
 * {@code GET /api/drills/{id}/report} returns.
 *
 * @param timeToFirstDecision null when no decision was made
 * @param timeToMitigation null when the drill never reached mitigation
 * @param deductions each deduction from {@link #MAX}, with its reason, in the order of the formula
 */
public record DrillReport(String incident, String title, String scenario, String runbook, String shape,
		String facilitator, Instant started, Instant ended, Duration timeToFirstDecision, Duration timeToMitigation,
		List<String> expectedPath, List<String> pathTaken, List<Divergence> divergences, List<Flip> flips,
		List<Owner> owners, List<String> skippedSteps, List<String> skippedActions, List<String> deadEnds,
		List<String> notes, List<Fact> facts, List<String> injected, List<Deduction> deductions, int score) {

	public static final int MAX = 100;

	public DrillReport {
		expectedPath = List.copyOf(expectedPath);
		pathTaken = List.copyOf(pathTaken);
		divergences = List.copyOf(divergences);
		flips = List.copyOf(flips);
		owners = List.copyOf(owners);
		skippedSteps = List.copyOf(skippedSteps);
		skippedActions = List.copyOf(skippedActions);
		deadEnds = List.copyOf(deadEnds);
		notes = List.copyOf(notes);
		facts = List.copyOf(facts);
		injected = List.copyOf(injected);
		deductions = List.copyOf(deductions);
	}

	/**
	 * Where the path taken left the expected path.
	 * @param expected the expected choice there, or null when the commander was already off the path
	 */
	public record Divergence(String at, String step, String expected, String actual) {
	}

	/** A route action tried during the drill and what the gateway (sandbox) said, verification included. */
	public record Flip(String at, String action, String outcome, String result) {
	}

	/** A principal the severity's escalation pages, and whether the drill engaged them. */
	public record Owner(String principal, boolean engaged) {
	}

	/** A fact participants asked for; unanswered ones are information the scenario (and runbook) lacked. */
	public record Fact(String at, String key, boolean answered) {
	}

	public record Deduction(int points, String reason) {
	}

	public String markdown() {
		return DrillReportMarkdown.of(this);
	}
}
