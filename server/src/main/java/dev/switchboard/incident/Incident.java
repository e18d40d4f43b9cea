package dev.switchboard.incident;

import java.time.Instant;

/**
 * An incident as stored. {@code runbookSha256} is the version it was declared with;
 * {@code currentRunbookSha256} the version of the runbook it is walking now (a choice may hand
 * over to another runbook). {@code lastSeq} is the sequence number of its last timeline event
 * (0 before the first).
 */
public record Incident(long id, String title, String runbookId, String runbookSha256, String currentRunbookSha256,
		String currentStep, String severity, String service, String commander, IncidentStatus status, boolean drill,
		ChatRef chat, Instant declaredAt, Instant firstDecisionAt, Instant mitigatedAt, Instant resolvedAt,
		Instant updatedAt, long version, int lastSeq) {

	public String humanId() {
		return IncidentIds.format(id);
	}

	public boolean open() {
		return status != IncidentStatus.RESOLVED;
	}

	Incident withStep(String runbookSha, String step, Instant now) {
		return new Incident(id, title, runbookId, runbookSha256, runbookSha, step, severity, service, commander, status,
				drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, now, version, lastSeq);
	}

	Incident withFirstDecision(Instant at) {
		return firstDecisionAt != null ? this : new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256,
				currentStep, severity, service, commander, status, drill, chat, declaredAt, at, mitigatedAt, resolvedAt,
				updatedAt, version, lastSeq);
	}

	Incident withSeverity(String newSeverity) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, newSeverity, service,
				commander, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt, version, lastSeq);
	}

	Incident withCommander(String person) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				person, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt, version, lastSeq);
	}

	Incident withStatus(IncidentStatus newStatus, Instant at) {
		Instant mitigated = mitigatedAt == null && newStatus != IncidentStatus.OPEN ? at : mitigatedAt;
		Instant resolved = newStatus == IncidentStatus.RESOLVED ? at : resolvedAt;
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, newStatus, drill, chat, declaredAt, firstDecisionAt, mitigated, resolved, updatedAt, version, lastSeq);
	}

	public Incident withId(long newId) {
		return new Incident(newId, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt, version,
				lastSeq);
	}

	/** This incident as a change writes it: the next version, {@code last_seq} at its last event. */
	public Incident written(int seq) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, status, drill, chat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt,
				version + 1, seq);
	}

	Incident withChat(ChatRef newChat) {
		return new Incident(id, title, runbookId, runbookSha256, currentRunbookSha256, currentStep, severity, service,
				commander, status, drill, newChat, declaredAt, firstDecisionAt, mitigatedAt, resolvedAt, updatedAt,
				version, lastSeq);
	}
}
