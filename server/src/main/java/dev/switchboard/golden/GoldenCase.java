package dev.switchboard.golden;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One case of a golden set: a chat request and the checks on its answer.
 *
 * @param messages the {@code messages} array, sent as written
 * @param responseFormat {@code response_format}, or null
 * @param tools {@code tools}, or null
 * @param reference a known-good answer: every content check passes on it (lint), the sandbox plays it back
 */
public record GoldenCase(String id, int line, JsonNode messages, JsonNode responseFormat, JsonNode tools,
		String reference, List<Assertion> assertions) {

	public GoldenCase {
		assertions = List.copyOf(assertions);
	}
}
