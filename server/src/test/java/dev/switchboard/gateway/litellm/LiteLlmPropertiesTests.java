package dev.switchboard.gateway.litellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.switchboard.gateway.litellm.LiteLlmProperties.Route;
import dev.switchboard.gateway.litellm.LiteLlmProperties.Strategy;
import dev.switchboard.gateway.litellm.LiteLlmProperties.Target;

class LiteLlmPropertiesTests {

	private static final URI BASE = URI.create("http://litellm:4000");

	@Test
	void checksNothingWhileTheAdapterIsNotConfigured() {
		LiteLlmProperties unused = new LiteLlmProperties(null, null, null, null, null, null, null, null, null);

		assertThat(unused.routes()).isEmpty();
	}

	@Test
	void refusesTheRemovedVerifyKeysInsteadOfIgnoringThem() {
		// switchboard.gateway.verify.* is the one verify policy; litellm.verify.* was never read
		Map<String, String> config = Map.of("switchboard.gateway.litellm.verify.probes", "8");

		assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(config)).bind("switchboard.gateway.litellm",
				org.springframework.boot.context.properties.bind.Bindable.of(LiteLlmProperties.class),
				new org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler(
						org.springframework.boot.context.properties.bind.BindHandler.DEFAULT)))
			.hasStackTraceContaining("switchboard.gateway.litellm.verify.probes");
	}

	@Test
	void bindsFromSpringConfiguration() {
		Map<String, String> config = Map.of("switchboard.gateway.litellm.base-url", "http://litellm:4000",
				"switchboard.gateway.litellm.master-key", "sk-from-env",
				"switchboard.gateway.litellm.replica-poll-interval", "45s",
				"switchboard.gateway.litellm.routes.invoice-extraction.strategy", "repoint",
				"switchboard.gateway.litellm.routes.invoice-extraction.targets[0].model", "openai/gpt-4.1",
				"switchboard.gateway.litellm.routes.invoice-extraction.targets[0].api-base", "https://api.openai.com/v1",
				"switchboard.gateway.litellm.routes.invoice-extraction.targets[0].api-key", "os.environ/OPENAI_API_KEY",
				"switchboard.gateway.litellm.routes.triage.strategy", "block");

		LiteLlmProperties bound = new Binder(new MapConfigurationPropertySource(config))
			.bind("switchboard.gateway.litellm", LiteLlmProperties.class)
			.get();

		assertThat(bound.replicaPollInterval()).isEqualTo(Duration.ofSeconds(45));
		assertThat(bound.routes().get("invoice-extraction").strategy()).isEqualTo(Strategy.REPOINT);
		assertThat(bound.routes().get("invoice-extraction").targets().get(0).apiKey())
			.isEqualTo("os.environ/OPENAI_API_KEY");
		assertThat(bound.routes().get("triage").strategy()).isEqualTo(Strategy.BLOCK);
	}

	@Test
	void neverPrintsTheKeys() {
		LiteLlmProperties properties = new LiteLlmProperties(BASE, "sk-master-secret", "sk-probe-secret", null, null,
				null, null, null, Map.of("r", new Route(Strategy.REPOINT, null,
						List.of(new Target("openai/gpt-4.1", "https://x.example?key=K3Y", "sk-target-secret", null)))));

		assertThat(properties.toString() + properties.routes().get("r").targets())
			.doesNotContain("sk-master-secret", "sk-probe-secret", "sk-target-secret", "K3Y");
	}

	@Test
	void rejectsAMissingOrMalformedMasterKey() {
		assertThatThrownBy(() -> new LiteLlmProperties(BASE, "master", null, null, null, null, null, null, null))
			.hasMessageContaining("start with sk-");
	}

	@Test
	void rejectsRoutesThatCannotBeFlipped() {
		Route noBase = new Route(Strategy.REPOINT, null, List.of(new Target("openai/gpt-4.1", null, null, null)));
		Route noGroup = new Route(Strategy.ALIAS, null, List.of(new Target("openai/gpt-4.1", null, null, null)));

		assertThatThrownBy(() -> properties(noBase)).hasMessageContaining("needs an api-base");
		assertThatThrownBy(() -> properties(noGroup)).hasMessageContaining("needs the model group");
		assertThatThrownBy(() -> properties(new Route(null, null, null))).hasMessageContaining("strategy");
	}

	private static LiteLlmProperties properties(Route route) {
		return new LiteLlmProperties(BASE, "sk-master", null, null, null, null, null, null, Map.of("r", route));
	}
}
