package dev.switchboard.incident.route;

import static dev.switchboard.incident.route.RouteFlipFixture.PRIYA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.TestClock;
import dev.switchboard.incident.IncidentState.ActionState.Status;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/**
 * A process that stops between a route change's write and its verdict, emulated by running the
 * runner's stages up to that point and no further (the packaged jar is really killed in the bot's
 * {@code RouteFlipCrashRecoveryIT}): recovery reads the route back and records the truth, once.
 */
@SpringBootTest(classes = GatewayTestApplication.class)
@ActiveProfiles("gatewaytest")
@Import(RouteFlipFixture.class)
class RouteRecoveryIntegrationTests {

	private static final int SUPPORT = 2;

	private static final String TEXT = "gateway flip support-replies secondary";

	@Autowired
	private RouteFlipFixture fx;

	@Autowired
	private RouteProposals proposals;

	@Autowired
	private RouteChangeRunner runner;

	@Autowired
	private RouteChangeStages stages;

	@Autowired
	private RouteRecovery recovery;

	@Autowired
	private CatalogRegistry catalogs;

	@Autowired
	private TestClock clock;

	@BeforeEach
	void calm() {
		fx.calm();
	}

	@Test
	void verifiesAWriteThatLandedBeforeTheProcessStopped() {
		long id = fx.atSwitchRoute(false);
		RouteRun run = started(id);
		RouteState written = stages.write(run).orElseThrow();
		RouteSnapshot after = stages.written(run, written, null);
		// the process dies here, before verify

		assertThat(recovery.reconcile()).as("too recent: a live process may still be verifying").isZero();
		assertThat(status(id)).isEqualTo(Status.RUNNING);
		clock.advance(Duration.ofMinutes(1));
		assertThat(recovery.reconcile()).isEqualTo(1);

		TimelineEvent interrupted = fx.last(id, EventType.ACTION_INTERRUPTED);
		assertThat(interrupted.actor()).isEqualTo("switchboard");
		assertThat(interrupted.detail("result")).contains("the process stopped after the write was read back, before verify")
			.contains("reconciled: support-replies is on openai/gpt-4.1 (as planned) — verifying");
		TimelineEvent verdict = fx.last(id, EventType.ACTION_SUCCEEDED);
		assertThat(verdict.detail("outcome")).isEqualTo("VERIFIED");
		assertThat(verdict.detail("idempotencyKey")).isEqualTo(run.gatewayKey());
		assertThat(fx.events(id, EventType.ROUTE_WRITTEN)).hasSize(1);
		assertThat(status(id)).isEqualTo(Status.DONE);
		assertThat(fx.lastKnownGood("support-replies")).isEqualTo(written.fingerprint());
		assertThat(recovery.reconcile()).isZero();
		assertThat(stages.verify(run, after).replayed()).as("a late verdict of the first process is dropped").isTrue();
		assertThat(fx.events(id, EventType.ACTION_SUCCEEDED)).hasSize(1);
	}

	@Test
	void recordsTheWriteAndItsLeaseWhenTheProcessStoppedBeforeRecordingIt() {
		long id = fx.atSwitchRoute(false);
		RouteRun run = started(id);
		stages.write(run).orElseThrow();
		// the process dies before recording what it read back

		clock.advance(Duration.ofMinutes(1));
		assertThat(recovery.reconcile()).isEqualTo(1);

		assertThat(fx.last(id, EventType.ACTION_INTERRUPTED).detail("result"))
			.contains("between the start of '" + TEXT + "' and its read back");
		TimelineEvent written = fx.last(id, EventType.ROUTE_WRITTEN);
		assertThat(written.actor()).isEqualTo("switchboard");
		assertThat(written.detail("readBack")).isEqualTo("openai/gpt-4.1");
		assertThat(written.detail("leaseMinutes")).isEqualTo("60");
		assertThat(fx.last(id, EventType.ACTION_SUCCEEDED).detail("outcome")).isEqualTo("VERIFIED");
	}

	@Test
	void failsTheActionWhenTheWriteDidNotLandAndLetsItBeRetried() {
		long id = fx.atSwitchRoute(false);
		started(id); // the process dies before its gateway call

		clock.advance(Duration.ofMinutes(1));
		assertThat(recovery.reconcile()).isEqualTo(1);

		assertThat(fx.last(id, EventType.ACTION_INTERRUPTED).detail("result"))
			.contains("reconciled: support-replies still on anthropic/claude-sonnet-4-5: the write did not land");
		TimelineEvent failed = fx.last(id, EventType.ACTION_FAILED);
		assertThat(failed.detail("outcome")).isEqualTo("NOT_APPLIED");
		assertThat(failed.detail("result")).contains("run the action again to retry");
		assertThat(fx.events(id, EventType.ROUTE_WRITTEN)).isEmpty();
		assertThat(status(id)).isEqualTo(Status.FAILED);
		assertThat(fx.active("support-replies")).isEqualTo("anthropic/claude-sonnet-4-5");

		fx.actions.run(id, "switch-route", SUPPORT, PRIYA, null);

		assertThat(status(id)).isEqualTo(Status.DONE);
		assertThat(fx.active("support-replies")).isEqualTo("openai/gpt-4.1");
	}

	@Test
	void failsWithoutOverwritingWhenSomeoneElseChangedTheRouteMeanwhile() {
		long id = fx.atSwitchRoute(false);
		started(id);
		fx.gateway.setEnabled("support-replies", "anthropic/claude-sonnet-4-5", false); // by hand, on the gateway

		clock.advance(Duration.ofMinutes(1));
		recovery.reconcile();

		TimelineEvent failed = fx.last(id, EventType.ACTION_FAILED);
		assertThat(failed.detail("outcome")).isEqualTo("DRIFT");
		assertThat(failed.detail("result")).contains("someone else changed it").contains("nothing was overwritten");
	}

	@Test
	void reconcilesOnceWhenTwoReplicasFindTheSameInterruptedChange() throws Exception {
		long id = fx.atSwitchRoute(false);
		RouteRun run = started(id);
		stages.written(run, stages.write(run).orElseThrow(), null);
		clock.advance(Duration.ofMinutes(1));

		List<CompletableFuture<Integer>> replicas = List.of(CompletableFuture.supplyAsync(recovery::reconcile),
				CompletableFuture.supplyAsync(recovery::reconcile));

		assertThat(replicas.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);
		assertThat(fx.events(id, EventType.ACTION_INTERRUPTED)).hasSize(1);
		assertThat(fx.events(id, EventType.ACTION_SUCCEEDED)).hasSize(1);
		assertThat(fx.events(id, EventType.ROUTE_WRITTEN)).hasSize(1);
	}

	/** Claims action 2 (flip support-replies) as the runner does, and stops there. */
	private RouteRun started(long id) {
		var service = catalogs.current().ownership().serviceByRoute("support-replies").orElseThrow();
		RouteCommand command = new RouteCommand(RouteCommand.Kind.FLIP, "support-replies", "secondary");
		RouteProposal p = proposals.propose(fx.incidents.get(id), command, service, fx.gateway);
		return runner.start(id, "switch-route", SUPPORT, TEXT, p, PRIYA, null).orElseThrow();
	}

	private Status status(long id) {
		return fx.incidents.state(id).actions().get(SUPPORT - 1).status();
	}
}
