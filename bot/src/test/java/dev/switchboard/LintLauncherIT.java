package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar switchboard.jar lint} as CI runs it: the jar's launcher forks a JVM that starts
 * from a class-data-sharing archive recorded by the first run. Whatever the path (first run, later
 * runs, fork turned off), the report, the exit code and a clean stdout must be the same.
 */
class LintLauncherIT {

	@TempDir
	static Path dir;

	static Path broken;

	record Run(int exit, String out, String err) {
	}

	@BeforeAll
	static void brokenCopyOfTheShippedRunbooks() throws IOException {
		PackagedJar.requirePackaged();
		broken = Files.createDirectories(dir.resolve("broken"));
		try (Stream<Path> files = Files.list(PackagedJar.REPO.resolve("runbooks"))) {
			for (Path f : files.toList()) {
				Files.copy(f, broken.resolve(f.getFileName()));
			}
		}
		Path drift = broken.resolve("format-drift.md");
		Files.writeString(drift, Files.readString(drift).replaceFirst("\\]\\(#", "](#no-such-step-"));
	}

	@Test
	void firstRunRecordsTheArchiveAndEveryPathReportsTheSameFindings() throws Exception {
		Path cache = dir.resolve("cache-a");
		for (String format : List.of("text", "json")) {
			for (Path runbooks : List.of(PackagedJar.REPO.resolve("runbooks"), broken)) {
				Run inProcess = lint(cache, Map.of("SWITCHBOARD_LINT_FORK", "false"), List.of(), runbooks, format);
				Run first = lint(cache, Map.of(), List.of(), runbooks, format);
				Run later = lint(cache, Map.of(), List.of(), runbooks, format);

				assertThat(inProcess.exit()).as(inProcess.toString()).isEqualTo(runbooks == broken ? 1 : 0);
				for (Run forked : List.of(first, later)) {
					assertThat(forked.exit()).as(forked.toString()).isEqualTo(inProcess.exit());
					assertThat(forked.out()).isEqualTo(inProcess.out());
					assertThat(forked.err()).as("nothing from the JVM on stderr").isEqualTo(inProcess.err());
				}
				assertThat(archives(cache)).as("one archive, recorded by the first forked run").hasSize(1);
			}
		}
		assertThat(lint(cache, Map.of(), List.of(), broken, "text").out()).contains("format-drift.md:")
			.contains("link to unknown step '#no-such-step-");
	}

	@Test
	void laterRunsReallyStartFromTheArchive() throws Exception {
		Path cache = dir.resolve("cache-b");
		Path runbooks = PackagedJar.REPO.resolve("runbooks");
		assertThat(lint(cache, Map.of(), List.of(), runbooks, "text").exit()).isZero();
		// The parent's JVM options reach the child, and -Xshare:on makes a JVM fail rather than run
		// without its archive: the child maps the recorded one.
		Run shared = lint(cache, Map.of(), List.of("-Xshare:on"), runbooks, "text");
		assertThat(shared.exit()).as(shared.toString()).isZero();
		assertThat(shared.out()).contains("0 errors");
		Run ownCollector = lint(cache, Map.of(), List.of("-XX:+UseParallelGC"), runbooks, "text");
		assertThat(ownCollector.exit()).as("a collector chosen by the user is not contradicted").isZero();
		assertThat(ownCollector.out()).isEqualTo(shared.out());
		Path archive = archives(cache).get(0);
		Files.delete(archive); // the JVM writes it read-only
		Files.writeString(archive, "not an archive");
		Run corrupt = lint(cache, Map.of(), List.of("-Xshare:on"), runbooks, "text");
		assertThat(corrupt.exit()).as("so a run on a bad archive does fail under -Xshare:on").isNotZero();
		Run recovers = lint(cache, Map.of(), List.of(), runbooks, "text");
		assertThat(recovers.exit()).as("without -Xshare:on a bad archive only costs speed").isZero();
		assertThat(recovers.out()).isEqualTo(shared.out());
	}

	private static List<Path> archives(Path cache) throws IOException {
		try (Stream<Path> files = Files.walk(cache)) {
			return files.filter(f -> f.getFileName().toString().startsWith("lint.jsa")).toList();
		}
	}

	private static Run lint(Path cache, Map<String, String> env, List<String> jvmOptions, Path runbooks, String format)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", PackagedJar.JAR.toString(), "lint", "--runbooks", runbooks.toString(),
				"--ownership", PackagedJar.REPO.resolve("ownership.yaml").toString(), "--format", format));
		Path out = Files.createTempFile(dir, "out", ".txt");
		Path err = Files.createTempFile(dir, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().put("SWITCHBOARD_CACHE_DIR", cache.toString());
		builder.environment().putAll(env);
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("lint did not finish within 120 s: " + command);
		}
		return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
	}
}
