package dev.switchboard.incident.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.switchboard.incident.IncidentException;

/** Incident refusals as RFC 9457 problem+json; the code is kept as {@code code} for clients. */
@RestControllerAdvice
public class IncidentProblems {

	/** Two requests changed the same incident at once; the later one is refused. */
	public static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";

	@ExceptionHandler(IncidentException.class)
	ProblemDetail refused(IncidentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(ex.code()), ex.getMessage());
		problem.setTitle(ex.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
		problem.setProperty("code", ex.code().name());
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ProblemDetail busy(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"the incident changed at the same moment; reload it and try again");
		problem.setTitle("concurrent change");
		problem.setProperty("code", CONCURRENT_CHANGE);
		return problem;
	}

	/** The one mapping from code to status; the OpenAPI document lists codes by it. */
	public static HttpStatus status(IncidentException.Code code) {
		return switch (code) {
			case UNKNOWN_INCIDENT -> HttpStatus.NOT_FOUND;
			case UNKNOWN_RUNBOOK, UNKNOWN_SERVICE, IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UNKNOWN_PERSON, NOT_PERMITTED -> HttpStatus.FORBIDDEN;
			case INVALID_REQUEST, TEXT_TOO_LONG -> HttpStatus.BAD_REQUEST;
			case CHOICE_NOT_OFFERED, STEP_ALREADY_DECIDED, INCIDENT_RESOLVED, ACTION_UNAVAILABLE -> HttpStatus.CONFLICT;
		};
	}
}
