package dev.switchboard.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.switchboard.system.ApiCaller;

/**
 * Turns the caller {@link ApiCaller} resolves (the one place tokens and the local operator are
 * matched) into the request's authentication. A request that presents credentials which match
 * nobody is refused here, also where anonymous reads are allowed: a wrong token is a mistake to
 * report, not a reason to fall back to anonymous.
 */
final class CallerFilter extends OncePerRequestFilter {

	private final ApiCaller caller;

	private final ProblemResponses problems;

	CallerFilter(ApiCaller caller, ProblemResponses problems) {
		this.caller = caller;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean presented = request.getHeader("Authorization") != null;
		Optional<String> person = caller.personOf(request);
		if (person.isEmpty() && presented) {
			problems.unauthenticated(response);
			return;
		}
		if (person.isPresent()) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new CallerAuthentication(person.get(), presented ? "token" : "local-operator"));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
