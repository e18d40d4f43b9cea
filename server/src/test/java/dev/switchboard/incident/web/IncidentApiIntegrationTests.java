package dev.switchboard.incident.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.switchboard.HttpApi;
import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;

import static dev.switchboard.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The REST API over a real server on a random port, H2 in memory and the shipped runbooks and
 * ownership.yaml: what a client (a web page, a script, another bot) sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"switchboard.catalog.runbooks=../runbooks",
		"switchboard.catalog.ownership=../ownership.yaml",
		"switchboard.api.tokens.priya-natarajan=" + IncidentApiIntegrationTests.PRIYA,
		"switchboard.api.tokens.grace-kim=" + IncidentApiIntegrationTests.GRACE,
		"switchboard.api.tokens.mallory-unlisted=" + IncidentApiIntegrationTests.MALLORY,
		"switchboard.api.local-operator=",
		// as the shipped application.properties (bot/) exposes them
		"management.endpoints.web.exposure.include=health,info,metrics,prometheus" })
class IncidentApiIntegrationTests {

	static final String PRIYA = "priya-7f3a0c1e9d";

	static final String GRACE = "grace-19bc44e0a2";

	/** Bound to a person id that is not in ownership.yaml. */
	static final String MALLORY = "mallory-5e8d21aa07";

	static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	HttpApi api;

	@BeforeEach
	void client() {
		api = new HttpApi(port);
	}

	// --- declaring and reading ---

	@Test
	void declaresAnIncidentAndShowsItsCurrentStepChoicesAndTimeline() {
		Response declared = api.post("/api/incidents", PRIYA,
				json("runbook", "ai-outage", "severity", "sev2", "service", "invoice-extraction"));

		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String id = declared.json().get("id").asString();
		assertThat(id).matches("INC-\\d+");
		assertThat(declared.header("Location")).isEqualTo("/api/incidents/" + id);
		assertThat(declared.header("Idempotent-Replay")).isEqualTo("false");

		Response got = api.get(declared.header("Location"), PRIYA);
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.contentType()).startsWith("application/json");
		JsonNode view = got.json();
		assertThat(view.get("id").asString()).isEqualTo(id);
		assertThat(view.get("runbook").get("id").asString()).isEqualTo("ai-outage");
		assertThat(view.get("runbook").get("sha256").asString()).hasSize(64);
		assertThat(view.get("severity").asString()).isEqualTo("sev2");
		assertThat(view.get("service").asString()).isEqualTo("invoice-extraction");
		assertThat(view.get("commander").asString()).isEqualTo("priya-natarajan");
		assertThat(view.get("status").asString()).isEqualTo("open");
		JsonNode step = view.get("currentStep");
		assertThat(step.get("id").asString()).isEqualTo("triage");
		assertThat(strings(step.get("choices"), "label")).containsExactly("Hard outage", "Throttling",
				"Silent degradation", "Not the provider");
		assertThat(strings(step.get("choices"), "target")).contains("#hard-outage", "format-drift.md#confirm-drift");
		assertThat(strings(step.get("actions"), "text")).containsExactly("page provider-outage-primary", "vendor openai",
				"vendor anthropic", "vendor google");
		assertThat(strings(step.get("actions"), "status")).containsOnly("pending");
		assertThat(strings(view.get("path"), null)).containsExactly("triage");
		List<String> types = strings(view.get("timeline"), "type");
		assertThat(types.get(0)).isEqualTo("declared");
		assertThat(types.get(types.size() - 1)).isEqualTo("step-entered");
		assertThat(seqs(view)).isEqualTo(range(1, types.size()));
		assertThat(view.get("timeline").get(0).get("details").get("runbook").asString()).isEqualTo("ai-outage");

		assertThat(strings(api.get("/api/incidents", PRIYA).json(), "id")).contains(id);
	}

	@Test
	void fillsRegistryFactsIntoTheCurrentStepText() {
		JsonNode view = declare("ai-outage");

		assertThat(view.get("currentStep").get("text").asString()).contains("https://status.openai.com")
			.doesNotContain("{{");
	}

	@TestFactory
	Stream<DynamicTest> walksEveryShippedRunbookToAnEndThenResolvesWithAPostmortem() throws IOException {
		List<String> served = strings(api.get("/api/runbooks", PRIYA).json(), "id");
		List<String> shipped;
		try (Stream<Path> files = Files.list(Path.of("../runbooks"))) {
			shipped = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".md"))
				.map(n -> n.substring(0, n.length() - 3))
				.toList();
		}
		assertThat(served).containsExactlyInAnyOrderElementsOf(shipped).hasSizeGreaterThanOrEqualTo(4);
		return served.stream().map(id -> dynamicTest(id, () -> walkToAnEnd(id)));
	}

	/** Declares, walks the longest loop-free route to a terminal step, resolves, reads the postmortem. */
	private void walkToAnEnd(String runbookId) {
		JsonNode runbook = api.get("/api/runbooks/" + runbookId, PRIYA).json();
		Map<String, JsonNode> steps = new LinkedHashMap<>();
		runbook.get("steps").forEach(s -> steps.put(s.get("id").asString(), s));
		List<String> plan = longestWalk(steps.keySet().iterator().next(), steps, new ArrayDeque<>());
		assertThat(plan).as("a route to a terminal step of " + runbookId).isNotNull().hasSizeGreaterThan(2);

		JsonNode view = declare(runbookId);
		String id = view.get("id").asString();
		List<String> chosen = new ArrayList<>();
		for (int n = 0; n + 1 < plan.size(); n++) {
			view = api.get("/api/incidents/" + id, PRIYA).json();
			JsonNode step = view.get("currentStep");
			assertThat(step.get("id").asString()).isEqualTo(plan.get(n));
			JsonNode choice = choiceTo(step, "#" + plan.get(n + 1));
			chosen.add(choice.get("label").asString());
			Response moved = api.post("/api/incidents/" + id + "/choices", PRIYA,
					json("step", plan.get(n), "choice", String.valueOf(choice.get("index").asInt())));
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			assertThat(moved.json().get("currentStep").get("id").asString()).isEqualTo(plan.get(n + 1));
		}
		view = api.get("/api/incidents/" + id, PRIYA).json();
		JsonNode end = view.get("currentStep");
		assertThat(end.get("choices").size()).isZero();
		assertThat(strings(view.get("path"), null)).isEqualTo(plan);
		String resolution = end.get("resolution").asString(null);
		assertThat(view.get("status").asString())
			.isEqualTo("mitigated".equals(resolution) || "resolved".equals(resolution) ? "mitigated" : "open");
		assertThat(strings(view.get("timeline"), "type").stream().filter("choice-made"::equals)).hasSize(plan.size() - 1);

		Response resolved = api.post("/api/incidents/" + id + "/resolve", PRIYA, json("summary", "walked " + runbookId));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.json().get("resolvedAt").isNull()).isFalse();

		Response postmortem = api.get("/api/incidents/" + id + "/postmortem", PRIYA);
		assertThat(postmortem.status()).isEqualTo(200);
		assertThat(postmortem.contentType()).startsWith("text/markdown");
		assertThat(postmortem.body()).startsWith("# Postmortem: " + id)
			.contains("## Decisions", "## Timeline", "walked " + runbookId, "| declared |", "| choice-made |",
					"| resolved |", "Time to first decision");
		chosen.forEach(label -> assertThat(postmortem.body()).contains("**" + label + "** by priya-natarajan"));

		Response late = api.post("/api/incidents/" + id + "/choices", PRIYA, json("choice", "1"));
		assertProblem(late, 409, "INCIDENT_RESOLVED");
	}

	@Test
	void handsOverToAnotherRunbookWhenAChoiceLinksToIt() {
		String id = declare("ai-outage").get("id").asString();

		Response moved = api.post("/api/incidents/" + id + "/choices", PRIYA,
				json("step", "triage", "choice", "Silent degradation"));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		JsonNode view = moved.json();
		assertThat(view.get("runbook").get("id").asString()).isEqualTo("ai-outage");
		assertThat(view.get("runbook").get("walking").asString()).isEqualTo("format-drift");
		assertThat(view.get("currentStep").get("id").asString()).isEqualTo("confirm-drift");
		assertThat(strings(view.get("timeline"), "type")).contains("runbook-changed");
	}

	// --- walking, notes, severity, commander, actions ---

	@Test
	void goesBackToThePreviousStep() {
		String id = declare("ai-outage").get("id").asString();
		choose(id, "triage", "1");

		Response back = api.post("/api/incidents/" + id + "/back", PRIYA, "");

		assertThat(back.status()).as(back.toString()).isEqualTo(200);
		JsonNode view = back.json();
		assertThat(view.get("currentStep").get("id").asString()).isEqualTo("triage");
		assertThat(strings(view.get("path"), null)).containsExactly("triage");
		JsonNode backtracked = last(view, "backtracked");
		assertThat(backtracked.get("step").asString()).isEqualTo("hard-outage");
		assertThat(backtracked.get("details").get("to").asString()).isEqualTo("triage");

		assertProblem(api.post("/api/incidents/" + id + "/back", PRIYA, ""), 400, "INVALID_REQUEST");
	}

	@Test
	void addsNotesToTheTimeline() {
		String id = declare("ai-outage").get("id").asString();

		Response noted = api.post("/api/incidents/" + id + "/notes", PRIYA, json("text", "OpenAI ticket 8841 opened"));

		assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
		JsonNode note = last(noted.json(), "note");
		assertThat(note.get("actor").asString()).isEqualTo("priya-natarajan");
		assertThat(note.get("step").asString()).isEqualTo("triage");
		assertThat(note.get("details").get("text").asString()).isEqualTo("OpenAI ticket 8841 opened");
		assertProblem(api.post("/api/incidents/" + id + "/notes", PRIYA, json("text", "  ")), 400, "INVALID_REQUEST");
	}

	@Test
	void changesSeverity() {
		String id = declare("ai-outage").get("id").asString();

		Response changed = api.post("/api/incidents/" + id + "/severity", PRIYA, json("severity", "sev2"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("severity").asString()).isEqualTo("sev2");
		JsonNode event = last(changed.json(), "severity-changed");
		assertThat(event.get("details").get("from").asString()).isEqualTo("sev1");
		assertThat(event.get("details").get("to").asString()).isEqualTo("sev2");
		Response bad = api.post("/api/incidents/" + id + "/severity", PRIYA, json("severity", "sev9"));
		assertProblem(bad, 400, "INVALID_REQUEST");
		assertThat(bad.json().get("detail").asString()).contains("sev9");
	}

	@Test
	void handsCommandOverAndAttributesWritesToWhoeverCalls() {
		String id = declare("ai-outage").get("id").asString();

		Response handed = api.post("/api/incidents/" + id + "/commander", PRIYA, json("person", "grace-kim"));

		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		assertThat(handed.json().get("commander").asString()).isEqualTo("grace-kim");
		assertThat(last(handed.json(), "commander-changed").get("details").get("from").asString())
			.isEqualTo("priya-natarajan");
		JsonNode note = last(api.post("/api/incidents/" + id + "/notes", GRACE, json("text", "I have it")).json(), "note");
		assertThat(note.get("actor").asString()).isEqualTo("grace-kim");
	}

	@Test
	void runsAPageActionAndShowsItDone() {
		String id = declare("ai-outage").get("id").asString();

		Response ran = api.post("/api/incidents/" + id + "/actions", PRIYA, json("step", "triage", "action", 1));

		assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
		JsonNode action = ran.json().get("currentStep").get("actions").get(0);
		assertThat(action.get("text").asString()).isEqualTo("page provider-outage-primary");
		assertThat(action.get("status").asString()).isEqualTo("done");
		JsonNode page = last(ran.json(), "page-sent");
		assertThat(page.get("details").get("principal").asString()).isEqualTo("provider-outage-primary");
		assertThat(page.get("details").get("people").size()).isPositive();
		assertThat(ran.json().get("currentStep").get("actions").get(1).get("status").asString()).isEqualTo("pending");
	}

	@Test
	void holdsATierOneRouteFlipForASecondApproverWithoutChangingTheStatus() {
		String id = declare("ai-outage").get("id").asString();
		choose(id, "triage", "Hard outage");
		choose(id, "hard-outage", "Switch to the secondary route");

		Response ran = api.post("/api/incidents/" + id + "/actions", PRIYA, json("step", "switch-route", "action", 1));

		assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
		JsonNode view = ran.json();
		JsonNode action = view.get("currentStep").get("actions").get(0);
		assertThat(action.get("text").asString()).isEqualTo("gateway flip invoice-extraction secondary");
		assertThat(action.get("status").asString()).isEqualTo("requested");
		assertThat(view.get("status").asString()).isEqualTo("open");
		assertThat(view.get("mitigatedAt").isNull()).isTrue();
		assertThat(strings(view.get("timeline"), "type")).contains("action-requested", "approval-requested")
			.doesNotContain("action-started", "action-succeeded", "mitigated");
		assertProblem(api.post("/api/incidents/" + id + "/actions", PRIYA, json("step", "switch-route", "action", 9)), 409,
				"ACTION_UNAVAILABLE");
	}

	// --- refusals ---

	@Test
	void refusesAnUnknownRunbookWithThreeSuggestionsAndCreatesNothing() {
		List<String> before = strings(api.get("/api/incidents", PRIYA).json(), "id");

		Response refused = api.post("/api/incidents", PRIYA, json("runbook", "kubernetes-node-pressure"));

		JsonNode problem = assertProblem(refused, 422, "UNKNOWN_RUNBOOK");
		assertThat(problem.get("detail").asString()).contains("kubernetes-node-pressure", "did you mean");
		assertThat(strings(problem.get("suggestions"), null)).hasSize(3)
			.isSubsetOf("ai-outage", "format-drift", "harmful-output", "model-deprecation");
		assertThat(strings(api.get("/api/incidents", PRIYA).json(), "id")).isEqualTo(before);
	}

	@Test
	void refusesAChoiceTheStepDoesNotOffer() {
		String id = declare("ai-outage").get("id").asString();

		JsonNode problem = assertProblem(choose(id, "triage", "Reboot the cloud"), 409, "CHOICE_NOT_OFFERED");

		assertThat(problem.get("detail").asString()).contains("Reboot the cloud", "triage", "Hard outage");
		assertThat(currentStep(id)).isEqualTo("triage");
	}

	@Test
	void refusesAChoiceOnAStepTheIncidentHasLeft() {
		String id = declare("ai-outage").get("id").asString();
		choose(id, "triage", "1");
		int events = timeline(id).size();

		JsonNode problem = assertProblem(choose(id, "triage", "2"), 409, "STEP_ALREADY_DECIDED");

		assertThat(problem.get("detail").asString()).contains("moved on from 'triage' to 'hard-outage'");
		assertThat(problem.get("currentStep").asString()).isEqualTo("hard-outage");
		assertThat(timeline(id)).hasSize(events);
	}

	@Test
	void answersNotFoundForAnUnknownIncident() {
		JsonNode problem = assertProblem(api.get("/api/incidents/INC-987654", PRIYA), 404, "UNKNOWN_INCIDENT");
		assertThat(problem.get("detail").asString()).contains("INC-987654");
		assertProblem(choose("INC-987654", null, "1"), 404, "UNKNOWN_INCIDENT");
		assertProblem(api.get("/api/incidents/INC-987654/postmortem", PRIYA), 404, "UNKNOWN_INCIDENT");
	}

	@Test
	void answersNotFoundForAMalformedIncidentId() {
		JsonNode problem = assertProblem(api.get("/api/incidents/last-tuesday", PRIYA), 404, "UNKNOWN_INCIDENT");
		assertThat(problem.get("detail").asString()).contains("'last-tuesday' is not an incident id such as INC-42");
	}

	// --- authentication ---

	@Test
	void refusesRequestsWithoutAToken() {
		assertUnauthenticated(api.get("/api/incidents", null));
		assertUnauthenticated(api.post("/api/incidents", null, json("runbook", "ai-outage")));
		assertUnauthenticated(api.get("/api/who/invoice-extraction", null));
		// runbooks name internal hosts: reading them takes a person too (issue 14)
		assertUnauthenticated(api.get("/api/runbooks", null));
		assertUnauthenticated(api.get("/api/runbooks/ai-outage", null));
	}

	@Test
	void refusesAnUnknownToken() {
		assertUnauthenticated(api.get("/api/incidents", "not-a-real-token"));
		assertUnauthenticated(api.post("/api/incidents", "Basic cHJpeWE6cHJpeWE=", json("runbook", "ai-outage")));
	}

	@Test
	void forbidsATokenBoundToSomeoneNotInOwnershipAndWritesNothing() {
		String id = declare("ai-outage").get("id").asString();
		List<String> incidents = strings(api.get("/api/incidents", PRIYA).json(), "id");
		List<JsonNode> timeline = timeline(id);

		JsonNode problem = assertProblem(api.post("/api/incidents", MALLORY, json("runbook", "ai-outage")), 403,
				"UNKNOWN_PERSON");
		assertThat(problem.get("detail").asString()).contains("mallory-unlisted", "ownership.yaml");
		assertProblem(choose(id, "triage", "1", MALLORY), 403, "UNKNOWN_PERSON");
		assertProblem(api.post("/api/incidents/" + id + "/notes", MALLORY, json("text", "hi")), 403, "UNKNOWN_PERSON");
		assertProblem(api.post("/api/incidents/" + id + "/resolve", MALLORY, ""), 403, "UNKNOWN_PERSON");

		assertThat(strings(api.get("/api/incidents", PRIYA).json(), "id")).isEqualTo(incidents);
		assertThat(timeline(id)).isEqualTo(timeline);
		assertThat(currentStep(id)).isEqualTo("triage");
	}

	// --- idempotency ---

	@Test
	void appliesARetriedChoiceOnce() {
		String id = declare("ai-outage").get("id").asString();

		Response first = choose(id, "triage", "1", PRIYA, "Idempotency-Key", "click-1");
		Response retry = choose(id, "triage", "1", PRIYA, "Idempotency-Key", "click-1");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Idempotent-Replay")).isEqualTo("false");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replay")).isEqualTo("true");
		assertThat(retry.json().get("currentStep").get("id").asString()).isEqualTo("hard-outage");
		assertThat(types(id).stream().filter("choice-made"::equals)).hasSize(1);
	}

	@Test
	void appliesTheSameKeySentConcurrentlyOnce() throws Exception {
		String id = declare("ai-outage").get("id").asString();
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Response>> replies = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				replies.add(pool.submit(() -> {
					go.await();
					return choose(id, "triage", "2", PRIYA, "Idempotency-Key", "storm-1");
				}));
			}
			go.countDown();
			List<Response> done = new ArrayList<>();
			for (Future<Response> reply : replies) {
				done.add(reply.get(60, TimeUnit.SECONDS));
			}
			assertThat(done).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
			assertThat(done.stream().filter(r -> "false".equals(r.header("Idempotent-Replay")))).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(types(id).stream().filter("choice-made"::equals)).hasSize(1);
		assertThat(currentStep(id)).isEqualTo("throttling");
		assertThat(seqs(api.get("/api/incidents/" + id, PRIYA).json())).isEqualTo(range(1, timeline(id).size()));
	}

	@Test
	void replaysARetriedDeclarationAsTheSameIncident() {
		Response first = api.post("/api/incidents", PRIYA, json("runbook", "model-deprecation"), "Idempotency-Key", "declare-7");
		Response retry = api.post("/api/incidents", PRIYA, json("runbook", "model-deprecation"), "Idempotency-Key", "declare-7");

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replay")).isEqualTo("true");
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
	}

	// --- registry, documentation, operations ---

	@Test
	void servesRunbooksWithEachStepRenderedAsHtml() {
		Response list = api.get("/api/runbooks", PRIYA);
		assertThat(list.status()).isEqualTo(200);
		assertThat(strings(list.json(), "id")).contains("ai-outage", "format-drift", "harmful-output",
				"model-deprecation");

		Response one = api.get("/api/runbooks/llm-down", PRIYA);

		assertThat(one.status()).isEqualTo(200);
		JsonNode runbook = one.json();
		assertThat(runbook.get("runbook").get("id").asString()).isEqualTo("ai-outage");
		JsonNode triage = runbook.get("steps").get(0);
		assertThat(triage.get("id").asString()).isEqualTo("triage");
		assertThat(triage.get("html").asString()).contains("<ol>", "<li>", "https://status.openai.com");
		assertThat(strings(triage.get("actions"), null)).contains("page provider-outage-primary");
		assertProblem(api.get("/api/runbooks/no-such-runbook", PRIYA), 404, "NOT_FOUND");
	}

	@Test
	void answersWhoOwnsAService() {
		Response who = api.get("/api/who/invoice-extraction", GRACE);

		assertThat(who.status()).as(who.toString()).isEqualTo(200);
		JsonNode answer = who.json();
		assertThat(answer.get("kind").asString()).isEqualTo("service");
		JsonNode team = StreamSupport.stream(answer.get("groups").spliterator(), false)
			.filter(g -> g.get("label").asString().equals("owning team invoicing"))
			.findFirst()
			.orElseThrow();
		assertThat(strings(team.get("people"), "id")).containsExactlyInAnyOrder("priya-natarajan", "daniel-okafor");
		assertProblem(api.get("/api/who/nobody-here", GRACE), 404, "NOT_FOUND");
	}

	@Test
	void servesVendorContacts() {
		Response vendor = api.get("/api/vendors/openai", GRACE);

		assertThat(vendor.status()).as(vendor.toString()).isEqualTo(200);
		assertThat(vendor.json().get("name").asString()).isEqualTo("OpenAI");
		assertThat(vendor.json().get("statusPage").asString()).isEqualTo("https://status.openai.com");
		assertThat(strings(vendor.json().get("models"), null)).contains("openai/gpt-4.1");
		assertProblem(api.get("/api/vendors/acme-ai", GRACE), 404, "NOT_FOUND");
	}

	@Test
	void servesTheOpenApiDocument() {
		Response docs = api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		assertThat(paths.has("/api/incidents")).isTrue();
		assertThat(paths.has("/api/incidents/{id}/choices")).isTrue();
		assertThat(paths.has("/api/runbooks/{id}")).isTrue();
	}

	@Test
	void reportsHealthAndCountsDecisions() {
		String id = declare("ai-outage").get("id").asString();
		choose(id, "triage", "1");

		Response health = api.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");

		Response metric = api.get("/actuator/metrics/switchboard.decisions", null);
		assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
		assertThat(metric.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);

		Response prometheus = api.get("/actuator/prometheus", null);
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("switchboard_decisions_total", "switchboard_incidents_open");
	}

	// --- helpers ---

	private JsonNode declare(String runbook) {
		Response declared = api.post("/api/incidents", PRIYA, json("runbook", runbook));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		return declared.json();
	}

	private Response choose(String id, String step, String choice) {
		return choose(id, step, choice, PRIYA);
	}

	private Response choose(String id, String step, String choice, String token, String... headers) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (step != null) {
			body.put("step", step);
		}
		body.put("choice", choice);
		return api.post("/api/incidents/" + id + "/choices", token,
				json(body.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray()), headers);
	}

	private String currentStep(String id) {
		return api.get("/api/incidents/" + id, PRIYA).json().get("currentStep").get("id").asString();
	}

	private List<JsonNode> timeline(String id) {
		List<JsonNode> events = new ArrayList<>();
		api.get("/api/incidents/" + id, PRIYA).json().get("timeline").forEach(events::add);
		return events;
	}

	private List<String> types(String id) {
		return timeline(id).stream().map(e -> e.get("type").asString()).toList();
	}

	private static JsonNode last(JsonNode view, String type) {
		JsonNode found = null;
		for (JsonNode e : view.get("timeline")) {
			if (e.get("type").asString().equals(type)) {
				found = e;
			}
		}
		assertThat(found).as("a " + type + " event in " + view.get("timeline")).isNotNull();
		return found;
	}

	private static JsonNode choiceTo(JsonNode step, String target) {
		for (JsonNode c : step.get("choices")) {
			if (c.get("target").asString().equals(target)) {
				return c;
			}
		}
		throw new AssertionError("no choice to " + target + " at " + step.get("id"));
	}

	/** The longest route from {@code from} to a terminal step that visits no step twice (links inside the runbook). */
	private static List<String> longestWalk(String from, Map<String, JsonNode> steps, Deque<String> seen) {
		JsonNode step = steps.get(from);
		if (step.get("choices").isEmpty()) {
			return List.of(from);
		}
		seen.push(from);
		List<String> best = null;
		for (JsonNode choice : step.get("choices")) {
			String target = choice.get("target").asString();
			if (!target.startsWith("#") || seen.contains(target.substring(1))) {
				continue;
			}
			List<String> rest = longestWalk(target.substring(1), steps, seen);
			if (rest != null && (best == null || rest.size() + 1 > best.size())) {
				best = new ArrayList<>();
				best.add(from);
				best.addAll(rest);
			}
		}
		seen.pop();
		return best;
	}

	private static JsonNode assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).as(response.toString()).startsWith(PROBLEM_JSON);
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		if (code != null) {
			assertThat(problem.get("code").asString()).isEqualTo(code);
		}
		return problem;
	}

	private static void assertUnauthenticated(Response response) {
		JsonNode problem = assertProblem(response, 401, "UNAUTHENTICATED");
		assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
	}

	private static List<String> strings(JsonNode array, String field) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
		return out;
	}

	private static List<Integer> seqs(JsonNode view) {
		List<Integer> out = new ArrayList<>();
		view.get("timeline").forEach(e -> out.add(e.get("seq").asInt()));
		return out;
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> out = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			out.add(i);
		}
		return out;
	}
}
