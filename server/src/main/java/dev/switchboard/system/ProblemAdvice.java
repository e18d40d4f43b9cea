package dev.switchboard.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the application's typed errors to RFC 9457 problem+json, once, for every controller. Every
 * problem carries a stable {@code code} clients can switch on, as the incident refusals do.
 */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(UnauthenticatedException.class)
	ProblemDetail unauthenticated(UnauthenticatedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Authentication required");
		problem.setProperty("code", "UNAUTHENTICATED");
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		problem.setProperty("code", "NOT_FOUND");
		problem.setProperty("kind", ex.kind());
		problem.setProperty("id", ex.id());
		return problem;
	}
}
