package dev.switchboard.incident;

import java.util.Map;

/** An expected refusal with a stable code; each edge (HTTP, chat) maps it once. */
public class IncidentException extends RuntimeException {

	/** Stable codes; HTTP status is a presentation detail of the REST edge. */
	public enum Code {
		UNKNOWN_RUNBOOK, UNKNOWN_INCIDENT, UNKNOWN_PERSON, UNKNOWN_SERVICE, INVALID_REQUEST, CHOICE_NOT_OFFERED,
		STEP_ALREADY_DECIDED, INCIDENT_RESOLVED, NOT_PERMITTED, ACTION_UNAVAILABLE, IDEMPOTENCY_KEY_REUSED,
		TEXT_TOO_LONG
	}

	private final Code code;

	private final transient Map<String, Object> details;

	public IncidentException(Code code, String message) {
		this(code, message, Map.of());
	}

	public IncidentException(Code code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	public Code code() {
		return code;
	}

	public Map<String, Object> details() {
		return details;
	}
}
