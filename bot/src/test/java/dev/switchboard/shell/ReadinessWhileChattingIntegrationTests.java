package dev.switchboard.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.HttpApi;
import dev.switchboard.SwitchboardApplication;

/**
 * A server started in a terminal runs the interactive chat in an application runner that returns
 * only when the chat ends; its readiness must not wait for that. The chat is stood in for by a
 * runner that blocks until the test ends, as the terminal's would until someone types {@code exit}.
 */
class ReadinessWhileChattingIntegrationTests {

	private static final CountDownLatch CHAT_ENDS = new CountDownLatch(1);

	@Configuration(proxyBeanMethods = false)
	static class ChatStandIn {

		@Bean
		ApplicationRunner interactiveChat() {
			return args -> CHAT_ENDS.await(2, TimeUnit.MINUTES);
		}
	}

	@Test
	void readinessIsUpWhileTheTerminalChatRuns() throws Exception {
		Path repo = Path.of("..").toAbsolutePath().normalize();
		SpringApplication app = new SpringApplication(SwitchboardApplication.class, ChatStandIn.class);
		app.setDefaultProperties(Map.of("server.port", "0", "spring.shell.interactive.enabled", "false",
				"spring.datasource.url", "jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"management.endpoint.health.probes.enabled", "true",
				"switchboard.catalog.runbooks", repo.resolve("runbooks").toString(),
				"switchboard.catalog.ownership", repo.resolve("ownership.yaml").toString()));
		CompletableFuture<Integer> port = new CompletableFuture<>();
		app.addListeners((WebServerInitializedEvent e) -> port.complete(e.getWebServer().getPort()));
		CompletableFuture<ConfigurableApplicationContext> running = CompletableFuture.supplyAsync(() -> app.run());
		try {
			HttpApi api = new HttpApi(port.get(2, TimeUnit.MINUTES));
			HttpApi.Response health = null;
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (Instant.now().isBefore(deadline)) {
				health = api.get("/actuator/health/readiness", null);
				if (health.status() == 200) {
					break;
				}
				Thread.sleep(200);
			}
			assertThat(running).as("the chat is still running").isNotDone();
			assertThat(health.status()).as(health.toString()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
			assertThat(api.get("/actuator/health", null).body()).contains("\"UP\"").doesNotContain("OUT_OF_SERVICE");
		}
		finally {
			CHAT_ENDS.countDown();
			running.get(2, TimeUnit.MINUTES).close();
		}
	}
}
