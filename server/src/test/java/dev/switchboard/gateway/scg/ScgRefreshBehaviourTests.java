package dev.switchboard.gateway.scg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.scg.ScgAdmin.Served;

/**
 * What the real gateway does with the actuator route API, straight from curl's point of view: the
 * reasons the adapter refreshes after every write and never disables by DELETE (gateway-contract.md
 * §3-4). If a Spring Cloud Gateway upgrade changes any of this, these tests say so first.
 */
class ScgRefreshBehaviourTests {

	private static ScgFixture fixture;

	@BeforeAll
	static void startGateway() {
		fixture = new ScgFixture("refresh");
	}

	@AfterAll
	static void stopUpstreams() {
		fixture.close();
	}

	@Test
	void servesAPostedRouteOnlyAfterARefresh() {
		String id = "sb-refresh-new-" + System.nanoTime();

		assertThat(fixture.admin.define(id, fixture.primary.uri(), Map.of())).isEqualTo(201);
		assertThat(fixture.admin.through(id).status()).as("written, not refreshed").isEqualTo(404);

		assertThat(fixture.admin.refresh()).isEqualTo(200);
		assertThat(fixture.admin.through(id)).isEqualTo(new Served(200, fixture.primary.id));
	}

	@Test
	void keepsServingTheOldUriUntilARefreshAfterTheRouteIsRewritten() {
		String id = fixture.freshRoute(List.of());

		assertThat(fixture.admin.define(id, fixture.secondary.uri(), Map.of())).isEqualTo(201);
		assertThat(fixture.admin.through(id)).as("rewritten, not refreshed").isEqualTo(new Served(200, fixture.primary.id));

		fixture.admin.refresh();
		assertThat(fixture.admin.through(id)).isEqualTo(new Served(200, fixture.secondary.id));
	}

	@Test
	void keepsServingADeletedRouteUntilARefresh() {
		String id = fixture.freshRoute(List.of());

		assertThat(fixture.admin.delete(id)).isEqualTo(200);
		assertThat(fixture.admin.through(id)).as("deleted, not refreshed").isEqualTo(new Served(200, fixture.primary.id));

		fixture.admin.refresh();
		assertThat(fixture.admin.through(id).status()).isEqualTo(404);
		assertThat(fixture.admin.delete(id)).as("already gone").isEqualTo(404);
	}

	@Test
	void refusesTrafficOnARoutePointedAtTheForwardStubAndKeepsItsDefinition() {
		String id = fixture.freshRoute(List.of());

		fixture.admin.define(id, URI.create("forward:/switchboard/route-disabled"), Map.of("owner", "platform-team"));
		fixture.admin.refresh();

		assertThat(fixture.admin.through(id).status()).isEqualTo(404);
		assertThat(fixture.admin.definition(id).path("metadata").path("owner").asString()).isEqualTo("platform-team");
	}
}
