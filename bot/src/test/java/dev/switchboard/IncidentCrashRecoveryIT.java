package dev.switchboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;

import static dev.switchboard.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code switchboard.jar} as operators run it: a server on an H2 file killed with
 * SIGKILL mid-incident and started again, a one-shot command next to a running server, and the
 * linter authors run in CI. Every JVM here is a child process of the test.
 */
class IncidentCrashRecoveryIT {

	private static final String TOKEN = "priya-crash-3c9e51";




	@TempDir
	Path dir;

	private PackagedJar jar;

	@BeforeAll
	static void packaged() {
		PackagedJar.requirePackaged();
	}

	@BeforeEach
	void workFolder() {
		jar = new PackagedJar(dir, TOKEN);
	}

	@AfterEach
	void stopEverything() throws InterruptedException {
		jar.close();
	}

	@Test
	void keepsTheWholeIncidentWhenTheServerIsKilledAndRestarted() throws Exception {
		PackagedJar.Server first = jar.startServer(List.of());
		HttpApi api = new HttpApi(first.port());
		Response declared = api.post("/api/incidents", TOKEN, json("runbook", "ai-outage"));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String id = declared.json().get("id").asString();
		String path = "/api/incidents/" + id;
		assertOk(api.post(path + "/choices", TOKEN, json("step", "triage", "choice", "Hard outage")));
		assertOk(api.post(path + "/choices", TOKEN, json("step", "hard-outage", "choice", "Switch to the secondary route")));
		JsonNode before = assertOk(api.post(path + "/notes", TOKEN, json("text", "OpenAI ticket 8841; flipping"))).json();

		// No grace period: the last write was acknowledged, so it must survive a crash right now.
		PackagedJar.kill(first.process());

		PackagedJar.Server second = jar.startServer(List.of());
		HttpApi restarted = new HttpApi(second.port());
		JsonNode after = assertOk(restarted.get(path, TOKEN)).json();
		assertThat(after.get("id").asString()).isEqualTo(id);
		assertThat(after.get("status").asString()).isEqualTo("open");
		assertThat(after.get("currentStep").get("id").asString()).isEqualTo("switch-route");
		assertThat(after.get("path")).isEqualTo(before.get("path"));
		assertThat(summary(after)).isEqualTo(summary(before)).last().asString().endsWith(" note@switch-route");
		assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));

		PackagedJar.Cli list = jar.runOnce(jar.properties(0), "incident", "list");
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
		PackagedJar.Cli clean = jar.runOnce(List.of(), "lint", "--runbooks", PackagedJar.REPO.resolve("runbooks").toString(), "--ownership",
				PackagedJar.REPO.resolve("ownership.yaml").toString());
		assertThat(clean.exit()).as(clean.output()).isZero();
		assertThat(clean.output()).contains("0 errors");

		Path copy = dir.resolve("runbooks");
		Files.createDirectories(copy);
		try (Stream<Path> files = Files.list(PackagedJar.REPO.resolve("runbooks"))) {
			for (Path f : files.toList()) {
				Files.copy(f, copy.resolve(f.getFileName()));
			}
		}
		Path outage = copy.resolve("ai-outage.md");
		List<String> lines = new ArrayList<>(Files.readAllLines(outage));
		int broken = lines.indexOf(lines.stream().filter(l -> l.contains("(#throttling)")).findFirst().orElseThrow()) + 1;
		lines.set(broken - 1, lines.get(broken - 1).replace("(#throttling)", "(#throttlng)"));
		Files.write(outage, lines);

		PackagedJar.Cli dirty = jar.runOnce(List.of(), "lint", "--runbooks", copy.toString(), "--ownership",
				PackagedJar.REPO.resolve("ownership.yaml").toString());
		assertThat(dirty.exit()).as(dirty.output()).isEqualTo(1);
		assertThat(dirty.output()).contains("ai-outage.md:" + broken + ": link to unknown step '#throttlng'")
			.containsPattern("(?m)^\\S+ai-outage\\.md:\\d+: ");
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
