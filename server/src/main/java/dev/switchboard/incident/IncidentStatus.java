package dev.switchboard.incident;

public enum IncidentStatus {
	OPEN, MITIGATED, RESOLVED;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
