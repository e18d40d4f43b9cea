package dev.switchboard;

import dev.switchboard.cli.LintCommand;
import org.springframework.boot.SpringApplication;

/**
 * Entry point of {@code switchboard.jar}. {@code lint} runs without Spring (no web server, no
 * database: authors run it in CI on every pull request, so start-up time matters); everything
 * else starts the application.
 */
public final class SwitchboardMain {

	private SwitchboardMain() {
	}

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("lint")) {
			System.exit(LintCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(SwitchboardApplication.class, args);
	}
}
