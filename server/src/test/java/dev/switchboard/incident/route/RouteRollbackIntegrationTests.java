package dev.switchboard.incident.route;

import static dev.switchboard.incident.route.RouteFlipFixture.AMELIE;
import static dev.switchboard.incident.route.RouteFlipFixture.PRIYA;
import static dev.switchboard.incident.route.RouteFlipFixture.TOMASZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.TestClock;
import dev.switchboard.gateway.sandbox.Behaviour;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.TimelineEvent;

/** Roll back, renew and the automatic revert of a route change still in effect, on the sandbox over HTTP. */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
@Import(RouteFlipFixture.class)
class RouteRollbackIntegrationTests {

	private static final int SUPPORT = 2;

	private static final String ROUTE = "support-replies";

	private static final String PRIMARY = "anthropic/claude-sonnet-4-5";

	private static final String SECONDARY = "openai/gpt-4.1";

	@Autowired
	private RouteFlipFixture fx;

	@Autowired
	private RouteRollbacks rollbacks;

	@Autowired
	private RouteChanges changes;

	@Autowired
	private LeaseExpiry expiry;

	@Autowired
	private LeaseReminders reminders;

	@Autowired
	private TestClock clock;

	@BeforeEach
	void calm() {
		fx.calm();
	}

	private long flipped() {
		long id = fx.atSwitchRoute(false);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
		return id;
	}

	@Test
	void showsTheChangeInEffectWithWhatRollingBackRestores() {
		long id = flipped();

		assertThat(changes.inEffect(id)).singleElement().satisfies(c -> {
			assertThat(c.step()).isEqualTo("switch-route");
			assertThat(c.action()).isEqualTo(SUPPORT);
			assertThat(c.route()).isEqualTo(ROUTE);
			assertThat(c.now()).isEqualTo(SECONDARY);
			assertThat(c.before()).isEqualTo(PRIMARY);
			assertThat(c.expiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(59)));
		});
	}

	@Test
	void rollsBackAVerifiedFlipToTheSnapshotTakenBeforeIt() {
		long id = flipped();

		Applied<Incident> done = rollbacks.rollback(id, ROUTE, PRIYA, "INC-" + id + ":rollback-1");

		assertThat(done.replayed()).isFalse();
		assertThat(fx.active(ROUTE)).isEqualTo(PRIMARY);
		TimelineEvent rolledBack = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(rolledBack.actor()).isEqualTo("priya-natarajan");
		assertThat(rolledBack.detail("text")).isEqualTo("gateway rollback support-replies");
		assertThat(rolledBack.detail("plan")).startsWith("support-replies: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
		assertThat(rolledBack.detail("outcome")).isEqualTo("VERIFIED");
		assertThat(fx.last(id, EventType.ROUTE_WRITTEN).detail("lease")).contains("back on its last-known-good");
		assertThat(changes.inEffect(id)).isEmpty();
		assertThat(fx.incidents.state(id).actions().get(SUPPORT - 1).status())
			.as("the flip itself stays done").isEqualTo(IncidentState.ActionState.Status.DONE);
	}

	@Test
	void rollsBackAFlipWhoseVerifyFailed() {
		long id = fx.atSwitchRoute(false);
		fx.sandbox.behave(ROUTE, SECONDARY, Behaviour.DOWN);
		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);
		assertThat(fx.last(id, EventType.ACTION_FAILED).detail("outcome")).isEqualTo("FAILED");

		rollbacks.rollback(id, ROUTE, PRIYA, null);

		assertThat(fx.active(ROUTE)).isEqualTo(PRIMARY);
		assertThat(fx.last(id, EventType.ACTION_SUCCEEDED).detail("text")).isEqualTo("gateway rollback support-replies");
	}

	@Test
	void rollsBackOnceWhenClickedTwiceAtOnce() {
		long id = flipped();

		List<Applied<Incident>> clicks = concurrently(() -> rollbacks.rollback(id, ROUTE, PRIYA, "INC-" + id + ":a"),
				() -> rollbacks.rollback(id, ROUTE, AMELIE, "INC-" + id + ":b"));

		assertThat(clicks).filteredOn(a -> a == null || a.replayed()).hasSize(1);
		assertThat(fx.events(id, EventType.ACTION_STARTED)).filteredOn(e -> "gateway rollback support-replies"
			.equals(e.detail("text"))).hasSize(1);
		assertThat(fx.active(ROUTE)).isEqualTo(PRIMARY);
		assertThat(rollbacks.rollback(id, ROUTE, PRIYA, "INC-" + id + ":a").replayed()).isTrue();
	}

	@Test
	void refusesARollbackBySomeoneWhoMayNotChangeTheRoute() {
		long id = flipped();

		rollbacks.rollback(id, ROUTE, TOMASZ, null);

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.actor()).isEqualTo("tomasz-nowak");
		assertThat(refused.detail("result")).contains("may not change routes of support-replies");
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
		assertThat(changes.inEffect(id)).hasSize(1);
	}

	@Test
	void refusesToRollBackARouteSomeoneElseChangedAndOverwritesNothing() {
		long id = flipped();
		fx.gateway.setEnabled(ROUTE, PRIMARY, false); // by hand, on the gateway

		rollbacks.rollback(id, ROUTE, PRIYA, null);

		assertThat(fx.last(id, EventType.ACTION_REFUSED).detail("result"))
			.contains("support-replies changed since Switchboard's last change").contains("Nothing was overwritten");
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
		assertThatThrownBy(() -> rollbacks.rollback(id, ROUTE, PRIYA, null)).isInstanceOf(IncidentException.class)
			.hasMessageContaining("nothing to do");
	}

	@Test
	void renewsTheLeaseSoTheChangeIsNotRevertedAtItsFirstEnd() {
		long id = flipped();
		Instant first = changes.inEffect(id).get(0).expiresAt();
		clock.advance(Duration.ofMinutes(51));
		assertThat(reminders.remind()).isEqualTo(1);

		rollbacks.renew(id, ROUTE, PRIYA, "INC-" + id + ":renew-1");

		TimelineEvent renewed = fx.last(id, EventType.LEASE_RENEWED);
		assertThat(renewed.actor()).isEqualTo("priya-natarajan");
		assertThat(renewed.detail("result")).contains("renewed by").contains("reverts then unless renewed again");
		assertThat(changes.inEffect(id).get(0).expiresAt()).isAfter(first.plus(Duration.ofMinutes(50)));
		assertThat(changes.inEffect(id).get(0).reminded()).as("reminded again before the new end").isFalse();
		clock.advance(Duration.ofMinutes(20));
		assertThat(expiry.revertExpired()).isZero();
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
	}

	@Test
	void refusesARenewalBySomeoneWhoMayNotChangeTheRoute() {
		long id = flipped();
		Instant expires = changes.inEffect(id).get(0).expiresAt();

		rollbacks.renew(id, ROUTE, TOMASZ, null);

		assertThat(fx.last(id, EventType.ACTION_REFUSED).detail("result")).contains("may not change routes");
		assertThat(changes.inEffect(id).get(0).expiresAt()).isEqualTo(expires);
	}

	@Test
	void revertsAnUnrenewedFlipOnceWhenItsLeaseEnds() {
		long id = flipped();
		clock.advance(Duration.ofMinutes(61));

		List<Integer> replicas = concurrently(expiry::revertExpired, expiry::revertExpired);

		assertThat(replicas.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
		assertThat(fx.active(ROUTE)).isEqualTo(PRIMARY);
		assertThat(fx.events(id, EventType.LEASE_EXPIRED)).singleElement()
			.satisfies(e -> assertThat(e.detail("commander")).isEqualTo("priya-natarajan"));
		TimelineEvent reverted = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(reverted.actor()).isEqualTo("switchboard");
		assertThat(reverted.detail("text")).isEqualTo("gateway revert support-replies");
		assertThat(reverted.detail("outcome")).isEqualTo("VERIFIED");
		assertThat(changes.inEffect(id)).isEmpty();
		assertThat(expiry.revertExpired()).isZero();
	}

	@Test
	void doesNotRevertARouteSomeoneElseChangedAndTellsTheCommander() {
		long id = flipped();
		fx.gateway.setEnabled(ROUTE, PRIMARY, false); // by hand, on the gateway
		clock.advance(Duration.ofMinutes(61));

		expiry.revertExpired();

		TimelineEvent refused = fx.last(id, EventType.ACTION_REFUSED);
		assertThat(refused.actor()).isEqualTo("switchboard");
		assertThat(refused.detail("commander")).isEqualTo("priya-natarajan");
		assertThat(refused.detail("result")).contains("Nothing was overwritten").contains("commander decides");
		assertThat(fx.active(ROUTE)).isEqualTo(SECONDARY);
		assertThat(changes.inEffect(id)).isEmpty();
		assertThat(expiry.revertExpired()).isZero();
	}

	@SafeVarargs
	private static <T> List<T> concurrently(Supplier<T>... calls) {
		List<CompletableFuture<T>> futures = java.util.Arrays.stream(calls)
			.map(c -> CompletableFuture.supplyAsync(() -> {
				try {
					return c.get();
				}
				catch (IncidentException | org.springframework.dao.ConcurrencyFailureException ex) {
					return null;
				}
			}))
			.toList();
		return futures.stream().map(CompletableFuture::join).toList();
	}
}
