package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchboard.HttpApi.Response;

/**
 * The packaged jar run as child JVMs, for the tests that must really kill a process: every server
 * uses the same H2 file in {@code dir}, so a restart finds what the killed one wrote. Each JVM's
 * output goes to {@code dir/jvm-N.log}; failures quote the last one.
 */
final class PackagedJar implements AutoCloseable {

	static final Path JAR = Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar"))
		.toAbsolutePath()
		.normalize();

	/** The repository, for the shipped runbooks and ownership.yaml. */
	static final Path REPO = Path.of(System.getProperty("switchboard.repo", "..")).toAbsolutePath().normalize();

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final Path dir;

	private final String token;

	private final List<Process> started = new ArrayList<>();

	private int logs;

	record Server(Process process, int port) {
	}

	record Cli(int exit, String output) {
	}

	/** @param token the bearer token bound to {@code priya-natarajan} in every server started */
	PackagedJar(Path dir, String token) {
		this.dir = dir;
		this.token = token;
	}

	static void requirePackaged() {
		assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").isRegularFile();
		assertThat(REPO.resolve("runbooks")).isDirectory();
	}

	/** Starts a server with {@code extra} JVM options and waits until its health is UP. */
	Server startServer(List<String> extra) throws IOException, InterruptedException {
		int port = freePort();
		List<String> props = properties(port);
		props.addAll(extra);
		Process process = start(props, List.of());
		HttpApi api = new HttpApi(port);
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				fail("the server exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				Response health = api.get("/actuator/health", null);
				if (health.status() == 200 && health.body().contains("\"UP\"")) {
					return new Server(process, port);
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		fail("the server was not UP within " + STARTUP + ":\n" + tail());
		throw new IllegalStateException();
	}

	/** The database, catalog and token of this work folder, as JVM options; no port when {@code port} is 0. */
	List<String> properties(int port) {
		String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		List<String> props = new ArrayList<>(List.of("-Dspring.datasource.url=" + url,
				"-Dswitchboard.catalog.runbooks=" + REPO.resolve("runbooks"),
				"-Dswitchboard.catalog.ownership=" + REPO.resolve("ownership.yaml"),
				"-Dswitchboard.api.tokens.priya-natarajan=" + token, "-Dswitchboard.api.local-operator="));
		if (port > 0) {
			props.add("-Dserver.port=" + port);
		}
		return props;
	}

	/** Runs a one-shot command ({@code incident list}, {@code lint}, …) to its end. */
	Cli runOnce(List<String> props, String... args) throws IOException, InterruptedException {
		Process process = start(props, List.of(args));
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("'" + String.join(" ", args) + "' did not finish within 120 s:\n" + tail());
		}
		return new Cli(process.exitValue(), Files.readString(log(logs)));
	}

	/** SIGKILL: no shutdown hooks, no connection pool close, no H2 checkpoint. */
	static void kill(Process process) throws InterruptedException {
		long pid = process.pid();
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process " + pid + " died").isTrue();
		assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	/** The last lines of the newest JVM's output, for failure messages. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(log(logs));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		for (Process p : started) {
			if (p.isAlive()) {
				p.destroyForcibly();
				p.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private Process start(List<String> props, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(props);
		command.add("-jar");
		command.add(JAR.toString());
		command.addAll(args);
		Path log = log(++logs);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		builder.environment().put("SWITCHBOARD_CACHE_DIR", dir.resolve("cache").toString()); // lint's, not ~/.cache
		Process process = builder
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		started.add(process);
		return process;
	}

	private Path log(int n) {
		return dir.resolve("jvm-" + n + ".log");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
