package dev.switchboard.incident.route;

import static dev.switchboard.incident.route.RouteFlipFixture.AMELIE;
import static dev.switchboard.incident.route.RouteFlipFixture.PRIYA;
import static dev.switchboard.incident.route.RouteFlipFixture.TOMASZ;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.TestClock;
import dev.switchboard.gateway.sandbox.Behaviour;
import dev.switchboard.incident.IncidentState.ActionState.Status;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.H2;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.TimelineEvent;

/** Route flips from a runbook step, end to end: engine, H2, and the sandbox gateway over HTTP. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
@Import(RouteFlipFixture.class)
class RouteFlipIntegrationTests {

	private static final int INVOICES = 1; // tier 1: needs a second approver

	private static final int SUPPORT = 2; // tier 2

	@Autowired
	private RouteFlipFixture fx;

	@Autowired
	private LeaseReminders reminders;

	@Autowired
	private TestClock clock;

	@BeforeEach
	void calm() {
		fx.calm();
	}

	@Test
	void refusesAndRecordsAPersonWhoMayNotChangeTheRouteWithoutTouchingTheGateway() {
		long id = fx.atSwitchRoute(false);
		long snapshots = fx.snapshots();

		fx.actions.run(id, "switch-route", SUPPORT, TOMASZ, null);

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.actor()).isEqualTo("tomasz-nowak");
		assertThat(refused.detail("result")).contains("may not change routes of support-replies");
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(fx.snapshots()).as("the gateway was not even read").isEqualTo(snapshots);
		assertThat(fx.active("support-replies")).isEqualTo("anthropic/claude-sonnet-4-5");
		assertThat(fx.incidents.state(id).actions().get(SUPPORT - 1).status()).isEqualTo(Status.REFUSED);
	}

	@Test
	void flipsAVerifiedRouteWithSnapshotPlanReadBackAndLease() {
		long id = fx.atSwitchRoute(false);

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, "INC-" + id + ":click-1");

		TimelineEvent started = fx.last(id, EventType.ACTION_STARTED);
		TimelineEvent written = fx.last(id, EventType.ROUTE_WRITTEN);
		TimelineEvent succeeded = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(started.detail("plan")).isEqualTo("support-replies: anthropic/claude-sonnet-4-5 → openai/gpt-4.1");
		assertThat(started.detail("snapshot")).startsWith("snap-");
		assertThat(started.detail("idempotencyKey")).startsWith("switchboard-");
		assertThat(written.detail("readBack")).isEqualTo("openai/gpt-4.1");
		assertThat(written.detail("leaseMinutes")).isEqualTo("60");
		assertThat(written.detail("leaseExpires")).isNotNull();
		assertThat(succeeded.detail("outcome")).isEqualTo("VERIFIED");
		assertThat(succeeded.details().get("servedByExpected")).isEqualTo(3);
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
		assertThat(fx.lastKnownGood("support-replies")).isEqualTo(written.detail("fingerprint"));
		assertThat(fx.incidents.state(id).actions().get(SUPPORT - 1).status()).isEqualTo(Status.DONE);
	}

	@Test
	void refusesSelfApprovalAndKeepsTheChangeWaiting() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", INVOICES, PRIYA, null);
		String plan = fx.last(id, EventType.APPROVAL_REQUESTED).detail("planHash");

		fx.actions.approve(id, "switch-route", INVOICES, plan, PRIYA, null);

		assertThat(fx.last(id, EventType.ACTION_REFUSED).detail("result")).contains("a different authorized person");
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(fx.active("invoice-extraction")).isEqualTo("openai/gpt-4.1");
		assertThat(PendingApprovals.of(fx.incidents.state(id))).singleElement()
			.satisfies(p -> assertThat(p.planHash()).isEqualTo(plan));
	}

	@Test
	void refusesAnApprovalOfAnotherPlan() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", INVOICES, PRIYA, null);

		fx.actions.approve(id, "switch-route", INVOICES, "0".repeat(64), AMELIE, null);

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.actor()).isEqualTo("amelie-laurent");
		assertThat(refused.detail("result")).contains("approval refused").contains("plan awaiting approval");
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(fx.active("invoice-extraction")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void refusesAnApprovalBySomeoneWhoMayNotChangeTheRoute() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", INVOICES, PRIYA, null);
		String plan = fx.last(id, EventType.APPROVAL_REQUESTED).detail("planHash");

		fx.actions.approve(id, "switch-route", INVOICES, plan, TOMASZ, null);

		assertThat(fx.last(id, EventType.ACTION_REFUSED).detail("result")).contains("may not approve");
		assertThat(fx.active("invoice-extraction")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void flipsATierOneRouteOnceADifferentAuthorizedPersonApprovesTheExactPlan() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", INVOICES, PRIYA, null);
		TimelineEvent asked = fx.last(id, EventType.APPROVAL_REQUESTED);
		assertThat(asked.detail("plan")).isEqualTo("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
		assertThat(fx.active("invoice-extraction")).as("nothing before the approval").isEqualTo("openai/gpt-4.1");

		fx.actions.approve(id, "switch-route", INVOICES, asked.detail("planHash"), AMELIE, "INC-" + id + ":approve-1");

		TimelineEvent approved = fx.last(id, EventType.ACTION_APPROVED);
		assertThat(approved.detail("requestedBy")).isEqualTo("priya-natarajan");
		assertThat(approved.detail("approvedBy")).isEqualTo("amelie-laurent");
		assertThat(fx.last(id, EventType.ACTION_STARTED).detail("planHash")).isEqualTo(asked.detail("planHash"));
		assertThat(fx.last(id, EventType.ACTION_SUCCEEDED).detail("outcome")).isEqualTo("VERIFIED");
		assertThat(fx.active("invoice-extraction")).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	@Test
	void failsAnApprovedPlanWhenTheRouteChangedSinceItWasMade() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", INVOICES, PRIYA, null);
		String plan = fx.last(id, EventType.APPROVAL_REQUESTED).detail("planHash");
		fx.sandbox.select("invoice-extraction", "anthropic/claude-sonnet-4-5");
		fx.sandbox.select("invoice-extraction", "openai/gpt-4.1");
		fx.gateway.setEnabled("invoice-extraction", "anthropic/claude-sonnet-4-5", false);

		fx.actions.approve(id, "switch-route", INVOICES, plan, AMELIE, null);

		assertThat(fx.last(id, EventType.ACTION_FAILED).detail("result")).contains("changed after the plan was approved");
		assertThat(fx.events(id, EventType.ACTION_STARTED)).isEmpty();
		assertThat(fx.active("invoice-extraction")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void flipsOnceWhenTheSameClickArrivesTwiceAtOnce() throws Exception {
		long id = fx.atSwitchRoute(false);

		String click = "INC-" + id + ":same-click";
		List<Applied<Incident>> results = concurrently(() -> fx.actions.run(id, "switch-route", SUPPORT, PRIYA, click),
				() -> fx.actions.run(id, "switch-route", SUPPORT, PRIYA, click));

		assertThat(results).filteredOn(Applied::replayed).hasSize(1);
		assertThat(fx.events(id, EventType.ACTION_STARTED)).hasSize(1);
		assertThat(fx.events(id, EventType.ACTION_SUCCEEDED)).hasSize(1);
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void flipsOnceWhenTwoPeopleClickAtOnce() throws Exception {
		long id = fx.atSwitchRoute(false);

		concurrently(() -> fx.actions.run(id, "switch-route", SUPPORT, PRIYA, "INC-" + id + ":priya-click"),
				() -> fx.actions.run(id, "switch-route", SUPPORT, AMELIE, "INC-" + id + ":amelie-click"));

		assertThat(fx.events(id, EventType.ACTION_STARTED)).hasSize(1);
		assertThat(fx.events(id, EventType.ROUTE_WRITTEN)).hasSize(1);
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
	}

	@ParameterizedTest
	@EnumSource(value = Behaviour.class, names = { "DOWN", "WRONG_CONTENT", "THROTTLED" })
	void failsTheFlipAndKeepsLastKnownGoodWhenTheSecondaryMisbehaves(Behaviour behaviour) {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null); // a verified flip: last-known-good is the secondary
		String good = fx.lastKnownGood("support-replies");
		fx.toSecondaryFailing(id);
		fx.actions.run(id, "secondary-failing", SUPPORT, PRIYA, null); // back to the primary (verified)
		String restored = fx.lastKnownGood("support-replies");
		assertThat(restored).isNotEqualTo(good);
		fx.walk.back(id, "switch-route", PRIYA, null);
		fx.sandbox.behave("support-replies", "openai/gpt-4.1", behaviour);

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);

		TimelineEvent failed = fx.last(id, EventType.ACTION_FAILED);
		assertThat(failed.detail("outcome")).isEqualTo("FAILED");
		assertThat(failed.detail("result")).contains("verification failed").contains("last-known-good is unchanged");
		assertThat(fx.lastKnownGood("support-replies")).isEqualTo(restored);
		assertThat(fx.incidents.state(id).actions().get(SUPPORT - 1).status()).isEqualTo(Status.FAILED);
	}

	@Test
	void restoresTheLastKnownGoodAndEndsTheLease() {
		long id = fx.atSwitchRoute(false);
		fx.sandbox.behave("support-replies", "openai/gpt-4.1", Behaviour.DOWN);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null); // written, but the secondary is down: failed
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
		fx.toSecondaryFailing(id);

		fx.actions.run(id, "secondary-failing", SUPPORT, PRIYA, null);

		TimelineEvent restored = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(restored.detail("text")).isEqualTo("gateway restore support-replies");
		assertThat(restored.detail("plan")).startsWith("support-replies: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
		assertThat(fx.last(id, EventType.ROUTE_WRITTEN).detail("lease")).contains("back on its last-known-good");
		assertThat(fx.active("support-replies")).isEqualTo("anthropic/claude-sonnet-4-5");
		assertThat(reminders.remind()).isZero();
	}

	@Test
	void refusesToRestoreARouteSomeoneElseChangedWithADriftReport() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);
		fx.gateway.setEnabled("support-replies", "anthropic/claude-sonnet-4-5", false); // by hand, on the gateway
		fx.toSecondaryFailing(id);

		fx.actions.run(id, "secondary-failing", SUPPORT, PRIYA, null);

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.detail("result")).contains("support-replies changed since Switchboard's last change")
			.contains("anthropic/claude-sonnet-4-5) was disabled")
			.contains("Nothing was restored");
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void remindsTheCommanderOnceBeforeTheLeaseEnds() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);
		assertThat(reminders.remind()).isZero();

		clock.advance(Duration.ofMinutes(51));

		assertThat(reminders.remind()).isEqualTo(1);
		assertThat(reminders.remind()).isZero();
		TimelineEvent reminder = fx.last(id, EventType.LEASE_REMINDER);
		assertThat(reminder.actor()).isEqualTo("switchboard");
		assertThat(reminder.detail("commander")).isEqualTo("priya-natarajan");
		assertThat(reminder.detail("result")).contains("gateway restore support-replies");
	}

	@Test
	void failsClosedByDisablingTheRouteAndEnablesItAgainOnRecovery() {
		long id = fx.atSwitchRoute(false);
		fx.walk.back(id, "hard-outage", PRIYA, null);
		fx.walk.choose(id, null, "fail-closed", PRIYA, null);

		fx.actions.run(id, "fail-closed", SUPPORT, PRIYA, null);

		TimelineEvent disabled = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(disabled.detail("plan")).isEqualTo(
				"support-replies: disable anthropic/claude-sonnet-4-5 (fail closed: callers get an error)");
		assertThat(disabled.detail("observations")).contains("refused as expected");
		assertThat(fx.last(id, EventType.ROUTE_WRITTEN).detail("leaseMinutes")).isEqualTo("60");
		assertThat(fx.active("support-replies")).isNull();
		assertThat(fx.lastKnownGood("support-replies")).as("a disabled route is not a healthy one").isNull();

		fx.walk.choose(id, null, "monitor", PRIYA, null);
		fx.walk.choose(id, null, "recover", PRIYA, null);
		fx.actions.run(id, "recover", 5, PRIYA, null); // gateway enable support-replies

		TimelineEvent enabled = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(enabled.detail("text")).isEqualTo("gateway enable support-replies");
		assertThat(enabled.detail("outcome")).isEqualTo("VERIFIED");
		assertThat(fx.last(id, EventType.ROUTE_WRITTEN).detail("lease")).contains("back on its last-known-good");
		assertThat(fx.active("support-replies")).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	@Test
	void failsHonestlyWhenTheGatewayIsDown() {
		long id = fx.atSwitchRoute(false);
		fx.sandbox.gatewayDown(true);

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);

		TimelineEvent failed = fx.last(id, EventType.ACTION_FAILED);
		assertThat(failed.detail("reason")).isEqualTo("UNREACHABLE");
		assertThat(failed.detail("result")).contains("nothing was changed");
		assertThat(fx.events(id, EventType.ACTION_SUCCEEDED)).isEmpty();
		fx.sandbox.gatewayDown(false);
		assertThat(fx.active("support-replies")).isEqualTo("anthropic/claude-sonnet-4-5");
	}

	@SafeVarargs
	private static List<Applied<Incident>> concurrently(Callable<Applied<Incident>>... calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Applied<Incident>>> futures = new ArrayList<>();
			for (Callable<Applied<Incident>> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return call.call();
					}
					catch (IncidentException | org.springframework.dao.ConcurrencyFailureException ex) {
						return new Applied<Incident>(null, true); // refused as already running/done, or lost the lock race
					}
				}));
			}
			start.countDown();
			List<Applied<Incident>> results = new ArrayList<>();
			for (Future<Applied<Incident>> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
