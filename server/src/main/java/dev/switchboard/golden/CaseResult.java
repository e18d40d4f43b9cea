package dev.switchboard.golden;

import java.util.List;

/**
 * One case of a run: passed, or what each failing check expected and what came (trimmed for chat).
 *
 * @param latencyMillis how long the answer took (or until the case gave up)
 * @param tokens completion tokens the gateway reported, or null
 */
public record CaseResult(String id, boolean passed, List<String> failures, long latencyMillis, Integer tokens) {

	public CaseResult {
		failures = List.copyOf(failures);
	}

	/** {@code ✓ acme-invoice} or {@code ✗ acme-invoice: equals expected 'billing', got 'other' (+1 more)}: the first failing check of the case. */
	public String line() {
		return (passed ? "✓ " : "✗ ") + id + (failures.isEmpty() ? "" : ": " + failures.get(0)
				+ (failures.size() > 1 ? " (+" + (failures.size() - 1) + " more)" : ""));
	}
}
