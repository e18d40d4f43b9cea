package dev.switchboard.incident.route.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;

/** {@code /api/incidents/{id}/route-changes}: the changes in effect as JSON, rolled back once over REST. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class RouteChangeApiIntegrationTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private SandboxGateway gateway;

	@Autowired
	private JdbcClient jdbc;

	private MockMvc mvc;

	@BeforeEach
	void calm() {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		jdbc.sql("UPDATE flip_lease SET ended_at = CURRENT_TIMESTAMP WHERE ended_at IS NULL").update();
	}

	@Test
	void listsTheFlipInEffectAndRollsItBackOnceForARetriedRequest() throws Exception {
		String id = declareAtSwitchRoute();
		mvc.perform(post("/api/incidents/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"step\":\"switch-route\",\"action\":2}")).andExpect(status().isOk());

		mvc.perform(get("/api/incidents/" + id + "/route-changes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].route").value("support-replies"))
			.andExpect(jsonPath("$[0].now").value("openai/gpt-4.1"))
			.andExpect(jsonPath("$[0].before").value("anthropic/claude-sonnet-4-5"))
			.andExpect(jsonPath("$[0].rollback").value("POST /api/incidents/" + id + "/route-changes/support-replies/rollback"));

		mvc.perform(post("/api/incidents/" + id + "/route-changes/support-replies/rollback").header("Idempotency-Key", "r-1"))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replay", "false"));
		mvc.perform(post("/api/incidents/" + id + "/route-changes/support-replies/rollback").header("Idempotency-Key", "r-1"))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replay", "true"));

		assertThat(gateway.read("support-replies").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
		mvc.perform(get("/api/incidents/" + id + "/route-changes")).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(post("/api/incidents/" + id + "/route-changes/support-replies/renew")).andExpect(status().is4xxClientError());
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
