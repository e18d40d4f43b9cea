package dev.switchboard.incident.web;

import static dev.switchboard.security.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.security.ApiClient;

/**
 * Careless and hostile writes over real HTTP, as the local operator (token-less from loopback, the
 * embedded default): idempotency keys that cannot be fooled by another spelling of the incident or
 * another body, size limits that store nothing, malformed paths answered as problem+json.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "switchboard.limits.note=500")
@ActiveProfiles("gatewaytest")
class HostileInputIntegrationTests {

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theLocalOperatorActsWithoutATokenFromLoopback() {
		String id = declare();
		ApiClient.Reply noted = api.post("/api/incidents/" + id + "/notes", null, json("text", "from this machine"));
		assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
		assertThat(last(noted.json()).get("actor").asString()).isEqualTo("priya-natarajan");
	}

	@Test
	void oneKeyAndBodyAppliesOnceHoweverTheIncidentIsSpelled() {
		String id = declare();
		String number = id.substring(4);
		int before = notes(id);
		for (String spelling : new String[] { id, number, "inc-" + number, " INC-" + number + " " }) {
			ApiClient.Reply r = api.post("/api/incidents/" + spelling.strip() + "/notes", null, json("text", "one note"),
					"Idempotency-Key", "note-1");
			assertThat(r.status()).as(spelling + " " + r).isEqualTo(200);
		}
		assertThat(notes(id)).isEqualTo(before + 1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedWith422AndStoresNothing() {
		String id = declare();
		assertThat(api.post("/api/incidents/" + id + "/notes", null, json("text", "first"), "Idempotency-Key", "k-2")
			.header("Idempotent-Replay")).isEqualTo("false");
		int before = notes(id);

		ApiClient.Reply other = api.post("/api/incidents/" + id + "/notes", null, json("text", "second"), "Idempotency-Key",
				"k-2");
		assertThat(other.status()).as(other.toString()).isEqualTo(422);
		assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		ApiClient.Reply otherVerb = api.post("/api/incidents/" + id + "/severity", null, json("severity", "sev1"),
				"Idempotency-Key", "k-2");
		assertThat(otherVerb.code()).as(otherVerb.toString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

		ApiClient.Reply same = api.post("/api/incidents/" + id + "/notes", null, json("text", "first"), "Idempotency-Key",
				"k-2");
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.header("Idempotent-Replay")).isEqualTo("true");
		assertThat(notes(id)).isEqualTo(before);
		assertThat(api.get("/api/incidents/" + id, null).json().get("severity").asString()).isEqualTo("sev2");
	}

	@Test
	void aReplayedDeclarationUsesUpNoIncidentNumberAndAnotherRunbookUnderTheSameKeyIs422() {
		ApiClient.Reply first = api.post("/api/incidents", null, json("runbook", "ai-outage", "severity", "sev2"),
				"Idempotency-Key", "declare-9");
		long n = number(first.json().get("id").asString());
		for (int i = 0; i < 3; i++) {
			ApiClient.Reply replay = api.post("/api/incidents", null, json("runbook", "ai-outage", "severity", "sev2"),
					"Idempotency-Key", "declare-9");
			assertThat(replay.header("Idempotent-Replay")).isEqualTo("true");
			assertThat(replay.json().get("id").asString()).isEqualTo("INC-" + n);
		}
		ApiClient.Reply another = api.post("/api/incidents", null, json("runbook", "format-drift"), "Idempotency-Key",
				"declare-9");
		assertThat(another.status()).as(another.toString()).isEqualTo(422);
		assertThat(another.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(number(declare())).isEqualTo(n + 1);
	}

	@Test
	void aBodyOverTheLimitIs413AndANoteOverItsLimitIs400AndNothingIsStored() {
		String id = declare();
		int before = notes(id);
		String twoMiB = json("text", "x".repeat(2 * 1024 * 1024));

		ApiClient.Reply big = api.post("/api/incidents/" + id + "/notes", null, twoMiB);
		assertThat(big.status()).as(big.toString()).isEqualTo(413);
		assertThat(big.code()).isEqualTo("REQUEST_TOO_LARGE");
		ApiClient.Reply chunked = api.postChunked("/api/incidents/" + id + "/notes", null,
				twoMiB.getBytes(StandardCharsets.UTF_8));
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);

		ApiClient.Reply longNote = api.post("/api/incidents/" + id + "/notes", null, json("text", "y".repeat(501)));
		assertThat(longNote.status()).as(longNote.toString()).isEqualTo(400);
		assertThat(longNote.code()).isEqualTo("TEXT_TOO_LONG");
		assertThat(longNote.json().get("limit").asInt()).isEqualTo(500);
		assertThat(longNote.json().get("detail").asString()).contains("501", "500", "Nothing was stored");

		ApiClient.Reply longSummary = api.post("/api/incidents/" + id + "/resolve", null,
				json("summary", "z".repeat(4001)));
		assertThat(longSummary.status()).as(longSummary.toString()).isEqualTo(400);
		assertThat(longSummary.code()).isEqualTo("TEXT_TOO_LONG");

		ApiClient.Reply smallChunked = api.postChunked("/api/incidents/" + id + "/notes", null,
				json("text", "streamed").getBytes(StandardCharsets.UTF_8));
		assertThat(smallChunked.status()).as(smallChunked.toString()).isEqualTo(200);
		JsonNode incident = api.get("/api/incidents/" + id, null).json();
		assertThat(incident.get("status").asString()).isEqualTo("open");
		assertThat(notes(id)).isEqualTo(before + 1);
		assertThat(incident.toString().length()).isLessThan(64 * 1024);
	}

	@Test
	void malformedPathsGetProblemJsonNotTomcatsHtmlPage() {
		for (String path : new String[] { "/api/incidents/INC-1%2Fnotes", "/api/runbooks/..%2F..%2Fetc",
				"/api/incidents/INC-1%5Cx", "/api/incidents/..;/x" }) {
			ApiClient.Reply r = api.getRaw(path, null);
			assertThat(r.status()).as(path + " " + r).isEqualTo(400);
			assertThat(r.contentType()).as(path).startsWith("application/problem+json");
			assertThat(r.code()).as(path).isEqualTo("MALFORMED_REQUEST");
			assertThat(r.body()).doesNotContain("<html");
		}
	}

	private String declare() {
		ApiClient.Reply declared = api.post("/api/incidents", null, json("runbook", "ai-outage", "severity", "sev2"));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		return declared.json().get("id").asString();
	}

	private int notes(String id) {
		int n = 0;
		for (JsonNode e : api.get("/api/incidents/" + id, null).json().get("timeline")) {
			if ("note".equals(e.get("type").asString())) {
				n++;
			}
		}
		return n;
	}

	private static long number(String id) {
		return Long.parseLong(id.substring(4));
	}

	private static JsonNode last(JsonNode view) {
		JsonNode timeline = view.get("timeline");
		return timeline.get(timeline.size() - 1);
	}
}
