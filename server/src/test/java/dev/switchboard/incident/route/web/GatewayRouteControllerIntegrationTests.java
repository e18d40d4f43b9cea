package dev.switchboard.incident.route.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Walk;

/** {@code GET /api/gateway/routes}: live state against ownership.yaml, drift only where no incident explains it. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
class GatewayRouteControllerIntegrationTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private SandboxControls sandbox;

	@Autowired
	private Declarations declarations;

	@Autowired
	private Walk walk;

	@Autowired
	private StepActions actions;

	@Autowired
	private JdbcClient jdbc;

	private MockMvc mvc;

	@BeforeEach
	void calm() {
		// through the security filter chain, which is where a caller is required now (reads too)
		mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", jakarta.servlet.Filter.class))
			.build();
		sandbox.calm();
		List.of("invoice-extraction", "support-replies", "ticket-routing").forEach(sandbox::reset);
		jdbc.sql("UPDATE flip_lease SET ended_at = CURRENT_TIMESTAMP, end_reason = 'test reset' WHERE ended_at IS NULL")
			.update();
		jdbc.sql("DELETE FROM last_known_good").update();
	}

	@Test
	void flagsARouteOffItsPrimaryOnlyWhenNoOpenIncidentExplainsIt() throws Exception {
		Actor priya = new Actor("priya-natarajan");
		long id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, false, null), priya, null)
			.result()
			.id();
		walk.choose(id, null, "hard-outage", priya, null);
		walk.choose(id, null, "switch-route", priya, null);
		actions.run(id, "switch-route", 2, priya, null); // support-replies flipped by an incident
		sandbox.select("ticket-routing", "vertex_ai/gemini-2.5-flash"); // ticket-routing flipped by hand

		mvc.perform(get("/api/gateway/routes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.route == 'invoice-extraction')].on").value("primary"))
			.andExpect(jsonPath("$[?(@.route == 'invoice-extraction')].drift").value(false))
			.andExpect(jsonPath("$[?(@.route == 'support-replies')].on").value("secondary"))
			.andExpect(jsonPath("$[?(@.route == 'support-replies')].drift").value(false))
			.andExpect(jsonPath("$[?(@.route == 'support-replies')].explainedBy[0]").value("INC-" + id))
			.andExpect(jsonPath("$[?(@.route == 'ticket-routing')].on").value("secondary"))
			.andExpect(jsonPath("$[?(@.route == 'ticket-routing')].drift").value(true))
			.andExpect(jsonPath("$[?(@.route == 'ticket-routing')].declaredPrimary").value("openai/gpt-4.1-mini"))
			.andExpect(jsonPath("$[?(@.route == 'ticket-routing')].gateway").value("sandbox"));
	}

	@Test
	void requiresACaller() throws Exception {
		mvc.perform(get("/api/gateway/routes").with(request -> {
			request.setRemoteAddr("192.0.2.10");
			return request;
		})).andExpect(status().isUnauthorized());
	}
}
