package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatewayRegistryTests {

	private final Gateway sandbox = named("sandbox", false);

	private final Gateway litellm = named("litellm", true);

	@Test
	void servesEachRouteFromItsConfiguredAdapterAndDrillsFromTheDrillAdapter() {
		GatewayRegistry registry = new GatewayRegistry(List.of(sandbox, litellm),
				properties("sandbox", Map.of("invoice-extraction", "litellm")));

		assertThat(registry.forRoute("invoice-extraction")).isSameAs(litellm);
		assertThat(registry.forRoute("ticket-routing")).isSameAs(sandbox);
		assertThat(registry.forRoute("invoice-extraction", true)).isSameAs(sandbox);
	}

	@Test
	void failsAtStartupOnAnUnknownAdapterName() {
		assertThatThrownBy(() -> new GatewayRegistry(List.of(sandbox), properties("sandbox",
				Map.of("invoice-extraction", "litelm"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("switchboard.gateway.routes.invoice-extraction names gateway adapter 'litelm'")
			.hasMessageContaining("[sandbox]");
		assertThatThrownBy(() -> new GatewayRegistry(List.of(sandbox), properties("sandbx", Map.of())))
			.hasMessageContaining("switchboard.gateway.drill-adapter");
	}

	private static GatewayProperties properties(String drill, Map<String, String> routes) {
		return new GatewayProperties("sandbox", drill, routes, new GatewayProperties.Verify(3, Duration.ZERO,
				Duration.ofSeconds(1)), Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofSeconds(5));
	}

	private static Gateway named(String kind, boolean production) {
		return (Gateway) java.lang.reflect.Proxy.newProxyInstance(Gateway.class.getClassLoader(),
				new Class<?>[] { Gateway.class }, (proxy, method, args) -> switch (method.getName()) {
					case "kind" -> kind;
					case "production" -> production;
					case "toString" -> kind;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}
}
