package dev.switchboard;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;

import dev.switchboard.cli.LintCommand;

/**
 * Entry point of {@code switchboard.jar}, in three modes:
 * <ul>
 * <li>{@code lint ...}: the linter, without Spring (no web server, no database: authors run it
 * in CI on every pull request, so start-up time matters);</li>
 * <li>{@code <command> ...} (e.g. {@code incident list}, {@code who invoice-extraction}): one
 * terminal command against the database, then exit, no web server;</li>
 * <li>no command: the server (REST API, chat endpoints) with the interactive terminal chat when
 * started from a terminal.</li>
 * </ul>
 * Configuration goes in environment variables or {@code -D} properties: in command mode every
 * argument is part of the command.
 */
public final class SwitchboardMain {

	private SwitchboardMain() {
	}

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("lint")) {
			// The linter reports through stdout; initializing Logback would cost a tenth of its run.
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.exit(LintCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication app = new SpringApplication(SwitchboardApplication.class);
		if (args.length > 0 && !args[0].startsWith("-")) {
			app.setDefaultProperties(Map.of("spring.shell.interactive.enabled", "false",
					"spring.main.web-application-type", "none", "spring.main.banner-mode", "off",
					"logging.level.root", "WARN", "spring.shell.context.close", "true"));
		}
		app.run(args);
	}
}
