package dev.switchboard.gateway.litellm;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract against a real LiteLLM proxy. This is an explicit opt-in for a live system:
 * it runs only when both {@code LITELLM_BASE_URL} and {@code LITELLM_MASTER_KEY} are set (never in
 * the default build, which has neither), needs a proxy with a database
 * ({@code STORE_MODEL_IN_DB=True}), creates its own {@code sb-*} deployments (with
 * {@code mock_response}, so no provider is called) and one {@code model_group_alias} entry, and
 * deletes them afterwards. Block tests are skipped on proxies without {@code /model/block}.
 * {@code LITELLM_CONVERGENCE_SECONDS} (default 0) is the replicas' DB poll interval when the proxy
 * runs several pods.
 */
@EnabledIfEnvironmentVariable(named = "LITELLM_BASE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "LITELLM_MASTER_KEY", matches = ".+")
class LiteLlmLiveContractTests extends LiteLlmContract {

	@Override
	protected URI baseUrl() {
		return URI.create(System.getenv("LITELLM_BASE_URL"));
	}

	@Override
	protected String masterKey() {
		return System.getenv("LITELLM_MASTER_KEY");
	}

	@Override
	protected Duration convergence() {
		String seconds = System.getenv("LITELLM_CONVERGENCE_SECONDS");
		return seconds == null || seconds.isBlank() ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(seconds.trim()));
	}
}
