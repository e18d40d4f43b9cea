package dev.switchboard.incident.route.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incidents;

/** {@code POST /api/incidents/{id}/approvals}: a second person approves the exact plan over REST. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class IncidentApprovalApiIntegrationTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private SandboxGateway gateway;

	@Autowired
	private Incidents incidents;

	private MockMvc mvc;

	@BeforeEach
	void calm() {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
	}

	@Test
	void approvesAWaitingFlipAsAnotherPersonAndRefusesTheRequesterOwnApproval() throws Exception {
		String id = declareAtSwitchRoute();
		mvc.perform(post("/api/incidents/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"step\":\"switch-route\",\"action\":1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentStep.actions[0].status").value("requested"));
		String plan = incidents.timeline(incidents.get(id).id())
			.stream()
			.filter(e -> e.type() == EventType.APPROVAL_REQUESTED)
			.findFirst()
			.orElseThrow()
			.detail("planHash");
		String body = "{\"step\":\"switch-route\",\"action\":1,\"plan\":\"" + plan + "\"}";

		mvc.perform(post("/api/incidents/" + id + "/approvals").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
		assertThat(gateway.read("invoice-extraction").activeTarget()).as("priya asked; she cannot approve")
			.isEqualTo("openai/gpt-4.1");

		mvc.perform(post("/api/incidents/" + id + "/approvals").header("Authorization", "Bearer test-token-amelie")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentStep.actions[0].status").value("done"));
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	private String declareAtSwitchRoute() throws Exception {
		String location = mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON)
			.content("{\"runbook\":\"ai-outage\",\"severity\":\"sev1\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		for (String choice : List.of("hard-outage", "switch-route")) {
			mvc.perform(post("/api/incidents/" + id + "/choices").contentType(MediaType.APPLICATION_JSON)
				.content("{\"choice\":\"" + choice + "\"}")).andExpect(status().isOk());
		}
		return id;
	}
}
