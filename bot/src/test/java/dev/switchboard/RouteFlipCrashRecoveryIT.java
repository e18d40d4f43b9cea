package dev.switchboard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;

import static dev.switchboard.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar killed with SIGKILL between a route flip's write and its verify, then started again
 * on the same H2 file (which also holds the sandbox gateway's route table): the timeline says the
 * process stopped, and the restarted server reads the route back and verifies it instead of guessing.
 * The first server's sandbox holds every probe for two minutes, so the kill lands inside verify.
 */
class RouteFlipCrashRecoveryIT {

	private static final String TOKEN = "priya-flip-crash-7d2a";




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
	void reconcilesAFlipKilledBetweenApplyAndVerifyFromTheGatewayAfterRestart() throws Exception {
		PackagedJar.Server first = jar.startServer(List.of("-Dswitchboard.sandbox.probe-delay=120s",
				"-Dswitchboard.gateway.verify.probe-timeout=180s", "-Dswitchboard.gateway.verify.probes=2"));
		HttpApi api = new HttpApi(first.port());
		Response declared = api.post("/api/incidents", TOKEN, json("runbook", "ai-outage"));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String path = "/api/incidents/" + declared.json().get("id").asString();
		assertOk(api.post(path + "/choices", TOKEN, json("step", "triage", "choice", "Hard outage")));
		assertOk(api.post(path + "/choices", TOKEN, json("step", "hard-outage", "choice", "Switch to the secondary route")));

		// The flip's request waits for verify, which now hangs: send it without waiting, kill once the write is read back.
		CompletableFuture.runAsync(() -> api.post(path + "/actions", TOKEN, json("step", "switch-route", "action", 2)));
		JsonNode beforeKill = await(api, path, Duration.ofSeconds(60), types -> types.contains("route-written"));
		assertThat(types(beforeKill)).endsWith("action-requested", "action-started", "route-written");
		PackagedJar.kill(first.process());

		PackagedJar.Server second = jar.startServer(List.of("-Dswitchboard.gateway.call-timeout=2s",
				"-Dswitchboard.gateway.verify.probes=2", "-Dswitchboard.gateway.verify.probe-timeout=2s",
				"-Dswitchboard.gateway.verify.window=0s"));
		HttpApi restarted = new HttpApi(second.port());
		JsonNode after = await(restarted, path, Duration.ofSeconds(120),
				types -> types.contains("action-succeeded") || types.contains("action-failed"));

		assertThat(types(after)).endsWith("action-started", "route-written", "action-interrupted", "action-succeeded");
		JsonNode interrupted = last(after, "action-interrupted");
		assertThat(interrupted.get("actor").asString()).isEqualTo("switchboard");
		assertThat(interrupted.get("details").get("result").asString())
			.contains("the process stopped after the write was read back, before verify")
			.contains("reconciled: support-replies is on openai/gpt-4.1 (as planned) — verifying");
		JsonNode verdict = last(after, "action-succeeded").get("details");
		assertThat(verdict.get("outcome").asString()).isEqualTo("VERIFIED");
		assertThat(verdict.get("idempotencyKey").asString())
			.isEqualTo(last(beforeKill, "action-started").get("details").get("idempotencyKey").asString());
		assertThat(after.get("currentStep").get("actions").get(1).get("status").asString()).isEqualTo("done");
		JsonNode routes = assertOk(restarted.get("/api/gateway/routes", TOKEN)).json();
		routes.forEach(r -> {
			if (r.get("route").asString().equals("support-replies")) {
				assertThat(r.get("active").asString()).isEqualTo("openai/gpt-4.1");
			}
		});
		JsonNode changes = assertOk(restarted.get(path + "/route-changes", TOKEN)).json();
		assertThat(changes.size()).isEqualTo(1);
		assertThat(changes.get(0).get("before").asString()).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	private JsonNode await(HttpApi api, String path, Duration within, Predicate<List<String>> done) throws Exception {
		Instant deadline = Instant.now().plus(within);
		JsonNode view = null;
		while (Instant.now().isBefore(deadline)) {
			view = assertOk(api.get(path, TOKEN)).json();
			if (done.test(types(view))) {
				return view;
			}
			Thread.sleep(200);
		}
		fail("not there within " + within + ": " + (view == null ? "" : types(view)) + "\n" + jar.tail());
		throw new IllegalStateException();
	}

	private static List<String> types(JsonNode view) {
		List<String> out = new ArrayList<>();
		view.get("timeline").forEach(e -> out.add(e.get("type").asString()));
		return out;
	}

	private static JsonNode last(JsonNode view, String type) {
		JsonNode found = null;
		for (JsonNode e : view.get("timeline")) {
			if (e.get("type").asString().equals(type)) {
				found = e;
			}
		}
		assertThat(found).as("a " + type + " event").isNotNull();
		return found;
	}

	private static Response assertOk(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}
}
