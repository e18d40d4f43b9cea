package dev.switchboard.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the filter chain as RFC 9457 problem+json with a stable {@code code}, like every
 * other refusal of the API: 401 {@code UNAUTHENTICATED}, 403 {@code UNKNOWN_PERSON}, 413
 * {@code REQUEST_TOO_LARGE}.
 */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	void unauthenticated(HttpServletResponse response) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"send 'Authorization: Bearer <token>' with the token bound to your person in ownership.yaml");
		problem.setTitle("Authentication required");
		problem.setProperty("code", "UNAUTHENTICATED");
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, problem);
	}

	void forbidden(HttpServletResponse response) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String who = authentication instanceof CallerAuthentication caller ? caller.person() : "?";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "'" + who
				+ "' is not a person in ownership.yaml; ask the file's owners to add you (people: id, name, chat ids)");
		problem.setTitle("unknown person");
		problem.setProperty("code", "UNKNOWN_PERSON");
		write(response, problem);
	}

	void tooLarge(HttpServletResponse response, long limit) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"the request body is larger than " + limit + " bytes (switchboard.limits.request-body); nothing was stored");
		problem.setTitle("request too large");
		problem.setProperty("code", "REQUEST_TOO_LARGE");
		problem.setProperty("limit", limit);
		write(response, problem);
	}

	void malformed(HttpServletResponse response, String why) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the request's path or headers are malformed (" + why + "); encode ids plainly, without %2F, %5C or '..'");
		problem.setTitle("malformed request");
		problem.setProperty("code", "MALFORMED_REQUEST");
		write(response, problem);
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> unauthenticated(response);
	}

	AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> forbidden(response);
	}

	/** The same shape Spring MVC gives a ProblemDetail (properties at the top level). */
	private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), body);
	}
}
