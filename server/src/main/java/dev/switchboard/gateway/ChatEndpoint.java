package dev.switchboard.gateway;

import java.net.URI;
import java.util.Map;

/**
 * Where chat completions for a route go when Switchboard sends its own (golden sets after a change, the
 * route-health canary): the gateway's OpenAI-compatible endpoint and what to send with each request.
 *
 * @param model the {@code model} field of the request
 * @param headers sent with every request (credentials, the headers a route's predicates match on)
 * @param playsBackReferences true only for the sandbox, whose fake upstream answers a golden case with the
 * reference answer sent in {@link #REFERENCE_HEADER} (and breaks it on purpose when told to drift)
 */
public record ChatEndpoint(URI url, String model, Map<String, String> headers, boolean playsBackReferences) {

	/** The case's known-good answer, base64url: for the sandbox's fake upstream only. */
	public static final String REFERENCE_HEADER = "x-switchboard-reference";

	/** Addresses one target of a sandbox route directly, bypassing its selection and fallbacks. */
	public static final String SANDBOX_TARGET_HEADER = "x-switchboard-sandbox-target";

	public ChatEndpoint {
		headers = Map.copyOf(headers);
	}
}
