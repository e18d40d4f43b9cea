package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An ecosystem's own checker run as a child process: the pinned npm tools .ci/run installs under
 * {@code .ci/tools} (redocly, ajv) and Debian's {@code promtool}. A missing tool fails the test
 * with the command that installs it: these checks are the point, not an optional extra.
 */
record CiTool(Path executable) {

	/** The repository root (the server module's parent). */
	static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	record Run(int exit, String output) {
	}

	static CiTool npm(String name) {
		Path bin = REPO.resolve(".ci/tools/node_modules/.bin").resolve(name);
		if (!Files.isExecutable(bin)) {
			fail(name + " is not installed under .ci/tools: run `npm ci --prefix .ci/tools` (as .ci/run does)");
		}
		return new CiTool(bin);
	}

	static CiTool onPath(String name, String install) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return new CiTool(candidate);
			}
		}
		fail(name + " is not on the PATH: " + install + " (as .ci/run does)");
		throw new IllegalStateException();
	}

	Run run(Path workDir, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(executable.toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
		builder.environment().put("NO_COLOR", "1");
		builder.environment().put("REDOCLY_TELEMETRY", "off");
		builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command + " finished").isTrue();
		return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
	}
}
