package dev.switchboard.gateway.litellm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LiteLLM adapter exists when a proxy is configured ({@code switchboard.gateway.litellm.base-url});
 * routes then opt in with {@code switchboard.gateway.routes.<route>=litellm}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "switchboard.gateway.litellm", name = "base-url")
class LiteLlmConfiguration {

	@Bean
	LiteLlmGateway liteLlmGateway(LiteLlmProperties properties) {
		return new LiteLlmGateway(properties);
	}
}
