package dev.switchboard.scgharness;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A plain Spring Cloud Gateway (no routes of its own, actuator route API exposed) for the server's
 * SCG adapter tests. Prints {@code SCG-HARNESS-PORT=<port>} once it listens, so a test can start
 * it on port 0 and find it. With {@code -Dharness.parent-pid=<pid>} it exits when that process
 * does, so a test JVM killed hard (a CI timeout) leaves no gateway behind.
 */
@SpringBootApplication
public class ScgHarnessApplication {

	public static void main(String[] args) {
		String parent = System.getProperty("harness.parent-pid");
		if (parent != null) {
			ProcessHandle.of(Long.parseLong(parent))
				.ifPresentOrElse(handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
		}
		SpringApplication.run(ScgHarnessApplication.class, args);
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> announcePort() {
		return event -> {
			System.out.println("SCG-HARNESS-PORT=" + event.getWebServer().getPort());
			System.out.flush();
		};
	}
}
