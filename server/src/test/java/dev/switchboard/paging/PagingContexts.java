package dev.switchboard.paging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.switchboard.TestApplication;

/**
 * Applications a test starts and stops itself, as separate processes would (a replica, or the same
 * server after a restart), with paging through the local PagerDuty.
 */
final class PagingContexts {

	/** 32 characters, the shape of an Events API v2 integration key. */
	static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

	static final String WEBHOOK_SECRET = "pd-webhook-secret-current";

	private PagingContexts() {
	}

	/** The properties every paging test sets. */
	static List<String> properties(String jdbcUrl) {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + jdbcUrl,
				"switchboard.catalog.runbooks=../runbooks", "switchboard.catalog.ownership=../ownership.yaml",
				"spring.main.banner-mode=off", "switchboard.paging.pagerduty.routing-key=" + ROUTING_KEY,
				"switchboard.paging.pagerduty.events-url=" + FakePagerDuty.shared().eventsUrl(),
				"switchboard.paging.pagerduty.webhook-secrets=pd-webhook-secret-old," + WEBHOOK_SECRET,
				"switchboard.paging.public-url=https://switchboard.example.com", "switchboard.api.local-operator="));
		return properties;
	}

	static ConfigurableApplicationContext start(String jdbcUrl, String poolName) {
		List<String> properties = properties(jdbcUrl);
		properties.add("spring.datasource.hikari.pool-name=" + poolName);
		properties.add("spring.datasource.hikari.maximum-pool-size=5");
		return new SpringApplicationBuilder(TestApplication.class, PagingTestClock.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	static String h2File(java.nio.file.Path file) {
		return "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	static String h2Memory(String name) {
		return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}
}
