package dev.switchboard.gateway.scg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification.Outcome;
import dev.switchboard.gateway.VerifyPolicy;

/** What only a Spring Cloud Gateway adapter must do, against the real gateway. */
class ScgGatewayTests {

	private static final VerifyPolicy QUICK = new VerifyPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

	private static final String UPSTREAM_KEY = "sk-upstream-secret-999";

	private static ScgFixture fixture;

	@BeforeAll
	static void startGateway() {
		fixture = new ScgFixture("adapter");
	}

	@AfterAll
	static void stopUpstreams() {
		fixture.close();
	}

	private static ScgGateway gateway() {
		return new ScgGateway(fixture.properties(Duration.ofSeconds(3), null, null, null));
	}

	@Test
	void reportsAFlipWhoseRefreshFailedAsWrittenNotLiveAndFinishesItWithARefreshOnly() {
		fixture.freshRoute(List.of());
		ScgGateway gateway = gateway();
		fixture.faults.refreshAnsweredWith = 500;

		RouteState written = gateway.apply(gateway.plan(ScgFixture.ROUTE, ScgFixture.SECONDARY), "incident-1:flip");

		assertThat(written.raw().get("apply")).contains("refresh was answered with HTTP 500");
		assertThat(written.raw().get("read_back")).startsWith("written, not live");
		assertThat(written.raw().get("live")).contains("still serves " + ScgFixture.PRIMARY);
		assertThat(gateway.verify(ScgFixture.ROUTE, ScgFixture.SECONDARY, QUICK).outcome())
			.isEqualTo(Outcome.WRITTEN_NOT_CONVERGED);

		fixture.faults.refreshAnsweredWith = 0;
		FlipPlan finish = gateway.plan(ScgFixture.ROUTE, ScgFixture.SECONDARY);
		assertThat(finish.calls()).extracting(FlipPlan.PlannedCall::path).containsExactly("/actuator/gateway/refresh");
		assertThat(finish.summary()).contains("refresh only");
		RouteState served = gateway.apply(finish, "incident-1:flip-again");
		assertThat(served.raw().get("read_back")).startsWith("shows the planned state");
		assertThat(gateway.verify(ScgFixture.ROUTE, ScgFixture.SECONDARY, QUICK).outcome()).isEqualTo(Outcome.VERIFIED);
	}

	@Test
	void plansADefinitionWriteThenARefreshAndNothingOnceServed() {
		String id = fixture.freshRoute(List.of());
		ScgGateway gateway = gateway();

		FlipPlan plan = gateway.plan(ScgFixture.ROUTE, ScgFixture.SECONDARY);
		gateway.apply(plan, "incident-4:flip");
		FlipPlan again = gateway.plan(ScgFixture.ROUTE, ScgFixture.SECONDARY);

		assertThat(plan.calls()).extracting(call -> call.method() + " " + call.path())
			.containsExactly("POST /actuator/gateway/routes/" + id, "POST /actuator/gateway/refresh");
		assertThat(plan.calls().get(0).body()).contains(fixture.secondary.uri().toString());
		assertThat(again.calls()).isEmpty();
		assertThat(again.summary()).contains("already there");
	}

	@Test
	void keepsThePredicatesFiltersAndOtherMetadataOfTheRoute() {
		String id = fixture.freshRoute(List.of());
		var before = fixture.admin.definition(id);

		gateway().apply(gateway().plan(ScgFixture.ROUTE, ScgFixture.SECONDARY), "incident-2:flip");

		var after = fixture.admin.definition(id);
		assertThat(after.path("uri").asString()).isEqualTo(fixture.secondary.uri().toString());
		assertThat(after.path("predicates")).isEqualTo(before.path("predicates"));
		assertThat(after.path("filters")).isEqualTo(before.path("filters"));
		assertThat(after.path("metadata").path("owner").asString()).isEqualTo("platform-team");
		assertThat(after.path("metadata").path(ScgRoute.TARGET_KEY).asString()).isEqualTo(ScgFixture.SECONDARY);
	}

	@Test
	void showsNoSecretFromTheRouteDefinitionInPlansOrStates() {
		fixture.freshRoute(List.of(Map.of("name", "AddRequestHeader", "args",
				Map.of("_genkey_0", "Authorization", "_genkey_1", "Bearer " + UPSTREAM_KEY))));
		ScgGateway gateway = gateway();

		FlipPlan plan = gateway.plan(ScgFixture.ROUTE, ScgFixture.SECONDARY);
		RouteState applied = gateway.apply(plan, "incident-3:flip");

		assertThat(plan.calls().get(0).body()).contains("AddRequestHeader").doesNotContain(UPSTREAM_KEY);
		assertThat(String.valueOf(plan) + applied + gateway.read(ScgFixture.ROUTE)).doesNotContain(UPSTREAM_KEY);
	}

	@Test
	void sendsTheAdminTokenAsABearerTokenAndNeverPrintsIt() {
		fixture.freshRoute(List.of());
		ScgProperties properties = fixture.properties(Duration.ofSeconds(3), "scg-admin-token-314", null, null);

		RouteState state = new ScgGateway(properties).read(ScgFixture.ROUTE);

		assertThat(fixture.faults.adminAuthorizations).isNotEmpty().allMatch("Bearer scg-admin-token-314"::equals);
		assertThat(properties.toString() + state).doesNotContain("scg-admin-token-314");
	}

	@Test
	void sendsBasicAuthWhenAnAdminUserIsConfigured() {
		fixture.freshRoute(List.of());

		new ScgGateway(fixture.properties(Duration.ofSeconds(3), null, "ops", "s3cret-pw")).read(ScgFixture.ROUTE);

		String basic = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret-pw".getBytes());
		assertThat(fixture.faults.adminAuthorizations).isNotEmpty().allMatch(basic::equals);
	}

	@Test
	void saysHowToCreateARouteTheGatewayDoesNotDefine() {
		fixture.freshRoute(List.of());
		fixture.routeId = "sb-never-created-" + System.nanoTime();

		assertThatThrownBy(() -> gateway().read(ScgFixture.ROUTE))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_ROUTE))
			.hasMessageContaining("POST /actuator/gateway/routes/" + fixture.routeId);
	}
}
