package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.switchboard.client.ApiClient;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.ApiResponse;
import dev.switchboard.client.api.IncidentsApi;
import dev.switchboard.client.model.ChoiceBody;
import dev.switchboard.client.model.ChoiceView;
import dev.switchboard.client.model.DeclareBody;
import dev.switchboard.client.model.IncidentView;
import dev.switchboard.client.model.ResolveBody;
import dev.switchboard.client.model.StepView;

/**
 * A team's view of the OpenAPI document: the Java client openapi-generator made from
 * docs/openapi.json at build time (bot's pom), used as is against the running server to declare an
 * incident, walk its runbook to an end and resolve it, and to read the documented problems.
 */
@ContractServer
class GeneratedClientIntegrationTests {

	@LocalServerPort
	int port;

	IncidentsApi incidents;

	@BeforeEach
	void client() {
		incidents = new IncidentsApi(client(ContractServer.PRIYA));
	}

	private ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://127.0.0.1:" + port);
		if (token != null) {
			client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	@Test
	void declaresWalksAndResolvesAnIncidentWithTheGeneratedClient() throws ApiException {
		String key = UUID.randomUUID().toString();
		DeclareBody body = new DeclareBody().runbook("ai-outage").severity("sev2").service("invoice-extraction");

		ApiResponse<IncidentView> declared = incidents.declareIncidentWithHttpInfo(body, key);
		ApiResponse<IncidentView> retried = incidents.declareIncidentWithHttpInfo(body, key);

		assertThat(declared.getStatusCode()).isEqualTo(201);
		String id = declared.getData().getId();
		assertThat(id).matches("INC-\\d+");
		assertThat(header(declared, "Idempotent-Replay")).isEqualTo("false");
		assertThat(retried.getData().getId()).as("the retry with the same key").isEqualTo(id);
		assertThat(header(retried, "Idempotent-Replay")).isEqualTo("true");

		// walk: at each step take the first choice that leads to a step not yet visited, to an end
		IncidentView view = incidents.getIncident(id);
		List<String> visited = new ArrayList<>(List.of(view.getCurrentStep().getId()));
		while (!view.getCurrentStep().getChoices().isEmpty()) {
			StepView step = view.getCurrentStep();
			ChoiceView choice = step.getChoices()
				.stream()
				.filter(c -> c.getTarget().startsWith("#") && !visited.contains(c.getTarget().substring(1)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no way forward from " + step.getId() + " after " + visited));
			view = incidents.chooseOption(id,
					new ChoiceBody().step(step.getId()).choice(String.valueOf(choice.getIndex())),
					UUID.randomUUID().toString());
			assertThat(view.getCurrentStep().getId()).isEqualTo(choice.getTarget().substring(1));
			visited.add(view.getCurrentStep().getId());
			assertThat(visited).as("a loop-free walk").hasSizeLessThan(30);
		}
		assertThat(view.getPath()).isEqualTo(visited);
		assertThat(view.getFirstDecisionAt()).isNotNull();

		IncidentView resolved = incidents.resolveIncident(id, UUID.randomUUID().toString(),
				new ResolveBody().summary("walked with the generated client"));

		assertThat(resolved.getStatus()).isEqualTo("resolved");
		assertThat(resolved.getResolvedAt()).isNotNull();
		assertThat(resolved.getTimeline()).extracting(e -> e.getType()).contains("declared", "choice-made", "resolved");
		assertThat(incidents.listIncidents(true, 500)).extracting(summary -> summary.getId()).doesNotContain(id);
		assertThat(incidents.listIncidents(false, 500)).extracting(summary -> summary.getId()).contains(id);
	}

	@Test
	void documentedProblemsReachTheClientWithTheirStatusAndCode() {
		ApiException unknown = catchThrowableOfType(ApiException.class,
				() -> incidents.declareIncident(new DeclareBody().runbook("no-such-runbook"), null));
		assertThat(unknown.getCode()).isEqualTo(422);
		assertThat(unknown.getResponseBody()).contains("\"code\":\"UNKNOWN_RUNBOOK\"");

		ApiException anonymous = catchThrowableOfType(ApiException.class,
				() -> new IncidentsApi(client(null)).listIncidents(true, 10));
		assertThat(anonymous.getCode()).isEqualTo(401);
		assertThat(anonymous.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		ApiException missing = catchThrowableOfType(ApiException.class, () -> incidents.getIncident("INC-999999"));
		assertThat(missing.getCode()).isEqualTo(404);
		assertThat(missing.getResponseBody()).contains("\"code\":\"UNKNOWN_INCIDENT\"");
	}

	private static String header(ApiResponse<?> response, String name) {
		return response.getHeaders()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.map(values -> values.get(0))
			.findFirst()
			.orElse(null);
	}
}
