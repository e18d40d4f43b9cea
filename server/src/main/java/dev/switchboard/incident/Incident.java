package dev.switchboard.incident;

import java.time.Instant;

/**
 * An incident as stored. {@code runbookSha256} is the version it was declared with;
 * {@code currentRunbookSha256} the version of the runbook it is walking now (a choice may hand
 * over to another runbook).
 */
public record Incident(long id, String title, String runbookId, String runbookSha256, String currentRunbookSha256,
		String currentStep, String severity, String service, String commander, IncidentStatus status, boolean drill,
		ChatRef chat, Instant declaredAt, Instant firstDecisionAt, Instant mitigatedAt, Instant resolvedAt,
		Instant updatedAt, long version) {

	public String humanId() {
		return IncidentIds.format(id);
	}

	public boolean open() {
		return status != IncidentStatus.RESOLVED;
	}

	Incident withStep(String runbookSha, String step, Instant now) {
		return new Incident(id, title, runbookId, runbookSha256, runbookSha, step, severity, service, commander, status,
				drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, now, version);
	}

	Incident withFirstDecision(Instant at) {
		return firstDecisionAt != null ? this : new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256,
				currentStep, severity, service, commander, status, drill, chat, declaredAt, at, mitigatedAt, resolvedAt,
				updatedAt, version);
	}

	Incident withSeverity(String newSeverity) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, newSeverity, service,
				commander, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt, version);
	}

	Incident withCommander(String person) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				person, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt, version);
	}

	Incident withStatus(IncidentStatus newStatus, Instant at) {
		Instant mitigated = mitigatedAt == null && newStatus != IncidentStatus.OPEN ? at : mitigatedAt;
		Instant resolved = newStatus == IncidentStatus.RESOLVED ? at : resolvedAt;
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, newStatus, drill, chat, declaredAt, firstDecisionAt, mitigated, resolved, updatedAt, version);
	}

	Incident withChat(ChatRef newChat) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, status, drill, newChat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt,
				version);
	}
}
