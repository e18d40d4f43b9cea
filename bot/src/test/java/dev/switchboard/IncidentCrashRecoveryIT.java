package dev.switchboard;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;

import static dev.switchboard.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged {@code switchboard.jar} as operators run it: a server on an H2 file killed with
 * SIGKILL mid-incident and started again, a one-shot command next to a running server, and the
 * linter authors run in CI. Every JVM here is a child process of the test.
 */
class IncidentCrashRecoveryIT {

	private static final String TOKEN = "priya-crash-3c9e51";

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private static final Path JAR = Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar"))
		.toAbsolutePath()
		.normalize();

	private static final Path REPO = Path.of(System.getProperty("switchboard.repo", "..")).toAbsolutePath().normalize();

	@TempDir
	Path dir;

	private final List<Process> started = new ArrayList<>();

	private int logs;

	@BeforeAll
	static void packaged() {
		assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").isRegularFile();
		assertThat(REPO.resolve("runbooks")).isDirectory();
	}

	@AfterEach
	void stopEverything() throws InterruptedException {
		for (Process p : started) {
			if (p.isAlive()) {
				p.destroyForcibly();
				p.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void keepsTheWholeIncidentWhenTheServerIsKilledAndRestarted() throws Exception {
		Server first = startServer();
		HttpApi api = new HttpApi(first.port());
		Response declared = api.post("/api/incidents", TOKEN, json("runbook", "ai-outage"));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String id = declared.json().get("id").asString();
		String path = "/api/incidents/" + id;
		assertOk(api.post(path + "/choices", TOKEN, json("step", "triage", "choice", "Hard outage")));
		assertOk(api.post(path + "/choices", TOKEN, json("step", "hard-outage", "choice", "Switch to the secondary route")));
		JsonNode before = assertOk(api.post(path + "/notes", TOKEN, json("text", "OpenAI ticket 8841; flipping"))).json();

		// No grace period: the last write was acknowledged, so it must survive a crash right now.
		kill(first.process());

		Server second = startServer();
		HttpApi restarted = new HttpApi(second.port());
		JsonNode after = assertOk(restarted.get(path, TOKEN)).json();
		assertThat(after.get("id").asString()).isEqualTo(id);
		assertThat(after.get("status").asString()).isEqualTo("open");
		assertThat(after.get("currentStep").get("id").asString()).isEqualTo("switch-route");
		assertThat(after.get("path")).isEqualTo(before.get("path"));
		assertThat(summary(after)).isEqualTo(summary(before)).last().asString().endsWith(" note@switch-route");
		assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));

		Cli list = runOnce(serverProperties(0), "incident", "list");
		assertThat(list.exit()).as(list.output()).isZero();
		assertThat(list.output()).contains(id + "  sev1  open  AI provider outage  (step switch-route)");
		assertThat(second.process().isAlive()).as("the server keeps running next to the one-shot command").isTrue();

		JsonNode moved = assertOk(restarted.post(path + "/choices", TOKEN, json("step", "switch-route", "choice", "1")))
			.json();
		assertThat(moved.get("currentStep").get("id").asString()).isEqualTo("verify-secondary");
		int seen = before.get("timeline").size();
		assertThat(moved.get("timeline").size()).isGreaterThan(seen);
		for (int n = 0; n < moved.get("timeline").size(); n++) {
			assertThat(moved.get("timeline").get(n).get("seq").asInt()).isEqualTo(n + 1);
		}
		assertThat(moved.get("timeline").get(seen).get("type").asString()).isEqualTo("choice-made");
		assertOk(restarted.post(path + "/resolve", TOKEN, json("summary", "survived a crash")));
		assertThat(assertOk(restarted.get(path + "/postmortem", TOKEN)).body()).contains("**Hard outage**",
				"**Switch to the secondary route**", "OpenAI ticket 8841", "survived a crash");
	}

	@Test
	void lintsTheShippedFilesCleanAndABrokenCopyWithFileAndLine() throws Exception {
		Cli clean = runOnce(List.of(), "lint", "--runbooks", REPO.resolve("runbooks").toString(), "--ownership",
				REPO.resolve("ownership.yaml").toString());
		assertThat(clean.exit()).as(clean.output()).isZero();
		assertThat(clean.output()).contains("0 errors");

		Path copy = dir.resolve("runbooks");
		Files.createDirectories(copy);
		try (Stream<Path> files = Files.list(REPO.resolve("runbooks"))) {
			for (Path f : files.toList()) {
				Files.copy(f, copy.resolve(f.getFileName()));
			}
		}
		Path outage = copy.resolve("ai-outage.md");
		List<String> lines = new ArrayList<>(Files.readAllLines(outage));
		int broken = lines.indexOf(lines.stream().filter(l -> l.contains("(#throttling)")).findFirst().orElseThrow()) + 1;
		lines.set(broken - 1, lines.get(broken - 1).replace("(#throttling)", "(#throttlng)"));
		Files.write(outage, lines);

		Cli dirty = runOnce(List.of(), "lint", "--runbooks", copy.toString(), "--ownership",
				REPO.resolve("ownership.yaml").toString());
		assertThat(dirty.exit()).as(dirty.output()).isEqualTo(1);
		assertThat(dirty.output()).contains("ai-outage.md:" + broken + ": link to unknown step '#throttlng'")
			.containsPattern("(?m)^\\S+ai-outage\\.md:\\d+: ");
	}

	// --- child JVMs ---

	private record Server(Process process, int port) {
	}

	private record Cli(int exit, String output) {
	}

	private Server startServer() throws IOException, InterruptedException {
		int port = freePort();
		List<String> props = serverProperties(port);
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

	private List<String> serverProperties(int port) {
		String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		List<String> props = new ArrayList<>(List.of("-Dspring.datasource.url=" + url,
				"-Dswitchboard.catalog.runbooks=" + REPO.resolve("runbooks"),
				"-Dswitchboard.catalog.ownership=" + REPO.resolve("ownership.yaml"),
				"-Dswitchboard.api.tokens.priya-natarajan=" + TOKEN, "-Dswitchboard.api.local-operator="));
		if (port > 0) {
			props.add("-Dserver.port=" + port);
		}
		return props;
	}

	private Cli runOnce(List<String> props, String... args) throws IOException, InterruptedException {
		Process process = start(props, List.of(args));
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("'" + String.join(" ", args) + "' did not finish within 120 s:\n" + tail());
		}
		return new Cli(process.exitValue(), Files.readString(log(logs)));
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
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		started.add(process);
		return process;
	}

	/** SIGKILL: no shutdown hooks, no connection pool close, no H2 checkpoint. */
	private static void kill(Process process) throws InterruptedException {
		long pid = process.pid();
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process " + pid + " died").isTrue();
		assertThat(process.isAlive()).isFalse();
		assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	private Path log(int n) {
		return dir.resolve("jvm-" + n + ".log");
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log(logs));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Response assertOk(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	/** Each event as {@code seq type@step}, for a readable failure message. */
	private static List<String> summary(JsonNode view) {
		List<String> out = new ArrayList<>();
		view.get("timeline")
			.forEach(e -> out.add(e.get("seq").asInt() + " " + e.get("type").asString() + "@"
					+ (e.get("step").isNull() ? "" : e.get("step").asString())));
		return out;
	}
}
