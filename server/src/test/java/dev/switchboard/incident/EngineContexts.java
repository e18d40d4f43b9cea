package dev.switchboard.incident;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.switchboard.TestApplication;

/**
 * Application contexts a test starts and stops itself, as separate processes would: a replica of
 * the server, or the same server after a restart. Each has its own connection pool.
 */
final class EngineContexts {

	private EngineContexts() {
	}

	static ConfigurableApplicationContext start(String jdbcUrl, String poolName) {
		return new SpringApplicationBuilder(TestApplication.class, EngineTestConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + jdbcUrl, "spring.datasource.hikari.pool-name=" + poolName,
					"spring.datasource.hikari.maximum-pool-size=5", "switchboard.catalog.runbooks=../runbooks",
					"switchboard.catalog.ownership=../ownership.yaml", "spring.main.banner-mode=off")
			.run();
	}
}
