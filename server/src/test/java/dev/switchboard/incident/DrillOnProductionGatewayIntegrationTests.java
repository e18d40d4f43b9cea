package dev.switchboard.incident;

import static dev.switchboard.incident.route.RouteFlipFixture.AMELIE;
import static dev.switchboard.incident.route.RouteFlipFixture.PRIYA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.incident.route.RouteFlipFixture;
import dev.switchboard.incident.route.RoutePreviews;

/** A drill whose gateway is (mis)configured to be a production one is refused by the engine. */
@SpringBootTest(classes = GatewayTestApplication.class, properties = "switchboard.gateway.drill-adapter=production-like")
@ActiveProfiles("gatewaytest")
@Import({ RouteFlipFixture.class, DrillOnProductionGatewayIntegrationTests.ProductionGateway.class })
class DrillOnProductionGatewayIntegrationTests {

	@TestConfiguration
	static class ProductionGateway {

		@Bean
		ProductionLikeGateway productionLikeGateway() {
			return new ProductionLikeGateway();
		}
	}

	@Autowired
	private RouteFlipFixture fx;

	@Autowired
	private ProductionLikeGateway production;

	@Autowired
	private RoutePreviews previews;

	@BeforeEach
	void calm() {
		fx.calm();
	}

	@Test
	void refusesAndRecordsADrillRouteChangeOnAProductionGateway() {
		long id = fx.atSwitchRoute(true);

		fx.actions.run(id, "switch-route", 2, PRIYA, null);

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.detail("result")).contains("a drill may only change routes on a non-production gateway")
			.contains("production-like");
		assertThat(refused.detail("gateway")).isEqualTo("production-like");
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(previews.describe(fx.incidents.get(id), fx.incidents.state(id).step().actions().get(1).command()))
			.hasValueSatisfying(text -> assertThat(text).contains("not in a drill"));
		assertThat(production.calls).hasValue(0);
	}

	@Test
	void asksNoApprovalForADrillRouteChangeOnAProductionGateway() {
		long id = fx.atSwitchRoute(true);

		fx.actions.run(id, "switch-route", 1, PRIYA, null);

		assertThatThrownBy(() -> fx.actions.approve(id, "switch-route", 1, "f".repeat(64), AMELIE, null))
			.isInstanceOf(IncidentException.class)
			.hasMessageContaining("nothing awaits approval");

		assertThat(fx.events(id, EventType.APPROVAL_REQUESTED)).isEmpty();
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(production.calls).hasValue(0);
	}

	@Test
	void realIncidentsKeepTheirOwnGateway() {
		long id = fx.atSwitchRoute(false);

		fx.actions.run(id, "switch-route", 2, PRIYA, null);

		assertThat(fx.last(id, EventType.ACTION_SUCCEEDED).detail("gateway")).isEqualTo("sandbox");
		assertThat(production.calls).hasValue(0);
	}
}
