package dev.switchboard.lint;

/** How bad a finding is: errors fail lint (exit 1) and keep a runbook out of a running server. */
public enum Severity {
	ERROR, WARNING;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
