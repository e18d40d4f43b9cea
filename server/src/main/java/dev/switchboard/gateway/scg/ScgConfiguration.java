package dev.switchboard.gateway.scg;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Cloud Gateway adapter exists when a gateway is configured
 * ({@code switchboard.gateway.scg.base-url}); routes then opt in with
 * {@code switchboard.gateway.routes.<route>=scg}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "switchboard.gateway.scg", name = "base-url")
class ScgConfiguration {

	@Bean
	ScgGateway scgGateway(ScgProperties properties) {
		return new ScgGateway(properties);
	}
}
