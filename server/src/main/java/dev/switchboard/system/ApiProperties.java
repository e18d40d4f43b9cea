package dev.switchboard.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.api.*}: who may call the REST API.
 *
 * @param tokens bearer token of each person, by person id (set from the environment, e.g.
 * {@code SWITCHBOARD_API_TOKENS_ALICE=...}; never commit them)
 * @param localOperator the person a request from this machine without a token acts as; empty
 * to require a token always (set it only when the server listens on 127.0.0.1)
 * @param publicRead {@code true} lets anyone who reaches the server read (GET) the API without a
 * token; writes still need a person
 */
@ConfigurationProperties(prefix = "switchboard.api", ignoreUnknownFields = false)
public record ApiProperties(Map<String, String> tokens, String localOperator, boolean publicRead) {

	public ApiProperties {
		tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
	}
}
