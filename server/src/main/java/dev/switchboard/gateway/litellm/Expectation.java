package dev.switchboard.gateway.litellm;

import java.util.Set;

/**
 * Who must answer a probe: one of {@code deploymentIds} ({@code x-litellm-model-id}) and, when
 * known, one of {@code apiBases} ({@code x-litellm-model-api-base}, normalized). A repointed
 * deployment keeps its id, so for repoint the api base is what tells the targets apart.
 */
record Expectation(String target, Set<String> deploymentIds, Set<String> apiBases) {

	Expectation {
		deploymentIds = Set.copyOf(deploymentIds);
		apiBases = Set.copyOf(apiBases);
	}

	boolean matches(String modelId, String apiBase) {
		if (modelId == null || !deploymentIds.contains(modelId)) {
			return false;
		}
		if (apiBases.isEmpty()) {
			return true;
		}
		String seen = Deployment.normalizedBase(apiBase);
		return !seen.isEmpty() && apiBases.stream().anyMatch(base -> sameBase(base, seen));
	}

	/** Equal, or one is the other plus a path (LiteLLM may report {@code …/v1} for {@code …}). */
	private static boolean sameBase(String expected, String seen) {
		return expected.equals(seen) || seen.startsWith(expected + "/") || expected.startsWith(seen + "/");
	}
}
