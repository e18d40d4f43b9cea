package dev.switchboard.runbook;

/**
 * A link at the end of a step: "Next" when alone, an option of a decision otherwise.
 *
 * @param runbook the target runbook file (e.g. {@code format-drift.md}), or null for this runbook
 * @param step the target step id, or null for the first step of {@code runbook}
 * @param hint text after the link, shown beside the button
 */
public record Choice(String label, String hint, String runbook, String step, int line) {

	public boolean external() {
		return runbook != null;
	}

	/** The link as written: {@code #step} or {@code file.md#step}. */
	public String target() {
		return (runbook == null ? "" : runbook) + (step == null ? "" : "#" + step);
	}
}
