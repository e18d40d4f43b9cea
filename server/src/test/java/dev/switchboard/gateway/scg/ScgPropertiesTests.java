package dev.switchboard.gateway.scg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.gateway.GatewayRegistry;

/** Configuration: the adapter exists only with a base url, and a bad route fails at startup. */
class ScgPropertiesTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ScgProperties.class, GatewayProperties.class })
	static class Properties {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, ScgConfiguration.class)
		.withBean(GatewayRegistry.class)
		.withPropertyValues("switchboard.gateway.default-adapter=scg", "switchboard.gateway.drill-adapter=scg");

	private static final String[] ROUTE = { "switchboard.gateway.scg.base-url=http://127.0.0.1:8080",
			"switchboard.gateway.scg.admin-token=from-the-environment",
			"switchboard.gateway.scg.routes.invoice-extraction.route-id=llm-invoice",
			"switchboard.gateway.scg.routes.invoice-extraction.probe-path=/llm/invoice/v1/chat/completions",
			"switchboard.gateway.scg.routes.invoice-extraction.targets[0].name=openai/gpt-4.1",
			"switchboard.gateway.scg.routes.invoice-extraction.targets[0].uri=https://openai-proxy.internal",
			"switchboard.gateway.scg.routes.invoice-extraction.targets[1].name=anthropic/claude-sonnet-4-5",
			"switchboard.gateway.scg.routes.invoice-extraction.targets[1].uri=https://anthropic-proxy.internal",
			"switchboard.gateway.scg.routes.invoice-extraction.targets[1].served-by=anthropic-eu" };

	@Test
	void createsNoAdapterWithoutABaseUrl() {
		new ApplicationContextRunner().withUserConfiguration(Properties.class, ScgConfiguration.class)
			.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(ScgGateway.class));
	}

	@Test
	void servesTheRoutesConfiguredForIt() {
		context.withPropertyValues(ROUTE)
			.withPropertyValues("switchboard.gateway.routes.invoice-extraction=scg")
			.run(started -> assertThat(started.getBean(GatewayRegistry.class).forRoute("invoice-extraction").kind())
				.isEqualTo("scg"));
	}

	@Test
	void bindsRoutesAndTargetsWhenAGatewayIsConfigured() {
		context.withPropertyValues(ROUTE).run(started -> {
			assertThat(started).hasSingleBean(ScgGateway.class);
			ScgProperties properties = started.getBean(ScgProperties.class);
			ScgProperties.Route route = properties.routes().get("invoice-extraction");
			assertThat(route.idOr("invoice-extraction")).isEqualTo("llm-invoice");
			assertThat(route.targets()).extracting(ScgProperties.Target::servedByOrName)
				.containsExactly("openai/gpt-4.1", "anthropic-eu");
			assertThat(properties.actuatorPath()).isEqualTo("/actuator/gateway");
			assertThat(properties.toString()).doesNotContain("from-the-environment");
		});
	}

	@Test
	void failsAtStartupOnARouteWithoutAProbePath() {
		context.withPropertyValues(ROUTE)
			.withPropertyValues("switchboard.gateway.scg.routes.invoice-extraction.probe-path=")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("probe-path"));
	}

	@Test
	void failsAtStartupOnATargetNamedTwice() {
		context.withPropertyValues(ROUTE)
			.withPropertyValues("switchboard.gateway.scg.routes.invoice-extraction.targets[1].name=openai/gpt-4.1")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("appears twice"));
	}

	@Test
	void failsAtStartupOnBothATokenAndAUser() {
		context.withPropertyValues(ROUTE)
			.withPropertyValues("switchboard.gateway.scg.admin-user=ops", "switchboard.gateway.scg.admin-password=pw")
			.run(started -> assertThat(started).getFailure().hasStackTraceContaining("not both"));
	}

	@Test
	void failsAtStartupOnAnUnknownKey() {
		context.withPropertyValues(ROUTE)
			.withPropertyValues("switchboard.gateway.scg.master-key=sk-not-ours")
			.run(started -> assertThat(started).hasFailed());
	}
}
