package dev.switchboard.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.web.IncidentProblems;

/**
 * The RFC 9457 problems the REST API answers, by status, with the stable {@code code} values a
 * client can branch on. The incident codes come from the same mapping the API uses to answer them,
 * so the document cannot list a code under a status the server never sends it with.
 */
record ProblemCatalog(Map<Integer, Entry> entries) {

	/** One status: what it means, its codes (possibly none) and an example body. */
	record Entry(int status, String meaning, List<String> codes, Map<String, Object> example) {
	}

	static ProblemCatalog standard() {
		Map<Integer, List<String>> codes = new LinkedHashMap<>();
		Arrays.stream(IncidentException.Code.values())
			.forEach(code -> codes.computeIfAbsent(IncidentProblems.status(code).value(), s -> new ArrayList<>())
				.add(code.name()));
		codes.computeIfAbsent(409, s -> new ArrayList<>()).add(IncidentProblems.CONCURRENT_CHANGE);

		Map<Integer, Entry> entries = new LinkedHashMap<>();
		put(entries, codes, HttpStatus.BAD_REQUEST,
				"The request is malformed: a required field is missing, JSON does not parse, or a parameter has the wrong type. Nothing was changed.",
				"invalid request", "'runbook' is required", "INVALID_REQUEST");
		put(entries, codes, HttpStatus.UNAUTHORIZED,
				"No valid credentials: send `Authorization: Bearer <token>` with the token bound to your person (a token-less request is accepted only from loopback, as the configured local operator).",
				"Authentication required",
				"send 'Authorization: Bearer <token>' with the token bound to your person in ownership.yaml", null);
		put(entries, codes, HttpStatus.FORBIDDEN,
				"The caller is authenticated but may not do this: the token's person is not in ownership.yaml, or the action is not permitted here.",
				"unknown person",
				"'mallory' is not a person in ownership.yaml; ask the file's owners to add you (people: id, name, chat ids)",
				"UNKNOWN_PERSON");
		put(entries, codes, HttpStatus.NOT_FOUND,
				"No such incident, drill, runbook, person or vendor. Problems without a `code` carry `kind` and `id` instead.",
				"unknown incident", "'INC-0' is not an incident id such as INC-42", "UNKNOWN_INCIDENT");
		put(entries, codes, HttpStatus.CONFLICT,
				"The incident has moved on: the step was already decided, the choice is not offered at the current step, the incident is resolved, or another change landed at the same moment. Reload the incident and decide again.",
				"step already decided", "INC-42 has moved on from 'triage'", "STEP_ALREADY_DECIDED");
		put(entries, codes, HttpStatus.CONTENT_TOO_LARGE,
				"The body, or a free-text field in it, is over the server's limit. Nothing was stored.",
				"Content Too Large", "the request body is over the server's limit", null);
		put(entries, codes, HttpStatus.UNPROCESSABLE_CONTENT,
				"The request is well-formed but names something the catalog does not have: an unknown runbook or service.",
				"unknown runbook", "no runbook 'payments-down'; did you mean ai-outage, format-drift, harmful-output?",
				"UNKNOWN_RUNBOOK");
		return new ProblemCatalog(Map.copyOf(entries));
	}

	Entry entry(int status) {
		Entry entry = entries.get(status);
		if (entry == null) {
			throw new IllegalArgumentException("no problem documented for " + status);
		}
		return entry;
	}

	private static void put(Map<Integer, Entry> entries, Map<Integer, List<String>> codes, HttpStatus status,
			String meaning, String title, String detail, String exampleCode) {
		List<String> known = List.copyOf(codes.getOrDefault(status.value(), List.of()));
		if (exampleCode != null && !known.contains(exampleCode)) {
			throw new IllegalStateException(exampleCode + " is not answered with " + status.value());
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", title);
		example.put("status", status.value());
		example.put("detail", detail);
		if (exampleCode != null) {
			example.put("code", exampleCode);
		}
		entries.put(status.value(), new Entry(status.value(), meaning, known, example));
	}
}
