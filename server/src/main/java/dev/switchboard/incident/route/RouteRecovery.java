package dev.switchboard.incident.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.incident.route.internal.StartedRouteChanges;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.TimelineEvent;

/**
 * Finds route changes a process left between its write and its verdict (killed, crashed, its host
 * gone) and reconciles them from the gateway instead of guessing: the timeline says the process
 * stopped, the route is read back and compared with the plan's target and the snapshot taken before,
 * then the truth is recorded: the write landed (recorded, leased, verified as usual), or it did not
 * (the action failed; retry it), or someone else changed the route (failed, nothing overwritten).
 *
 * <p>A change counts as left behind once nothing happened to it for longer than any live process can
 * take (every gateway call and probe has a timeout). Runs at startup and then every few seconds on every
 * replica; the interruption is claimed with a request key under the incident's row lock, so one replica
 * reconciles it and the process that made the change, were it still alive, cannot record a second verdict.
 */
@Component
public class RouteRecovery {

	private static final Logger log = LoggerFactory.getLogger(RouteRecovery.class);

	private final StartedRouteChanges started;

	private final Incidents incidents;

	private final IncidentTransactions transactions;

	private final GatewayRegistry gateways;

	private final RouteSnapshots snapshots;

	private final RouteChangeStages stages;

	private final Clock clock;

	RouteRecovery(StartedRouteChanges started, Incidents incidents, IncidentTransactions transactions,
			GatewayRegistry gateways, RouteSnapshots snapshots, RouteChangeStages stages, Clock clock) {
		this.started = started;
		this.incidents = incidents;
		this.transactions = transactions;
		this.gateways = gateways;
		this.snapshots = snapshots;
		this.stages = stages;
		this.clock = clock;
	}

	/** How long a change may go without news before it counts as left behind by a dead process. */
	static Duration quietLimit(GatewayProperties p) {
		Duration verify = p.verify().window().plus(p.verify().probeTimeout().multipliedBy(p.verify().probes()));
		return p.callTimeout().multipliedBy(6).plus(verify).plusSeconds(10);
	}

	/** Reconciles every change left behind; returns how many this process reconciled. */
	@Scheduled(initialDelay = 0, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
	public int reconcile() {
		Instant now = clock.instant();
		Duration quiet = quietLimit(gateways.properties());
		int reconciled = 0;
		for (long id : started.incidentsWithoutVerdict(now.minus(Duration.ofDays(7)))) {
			for (UnfinishedRouteChange change : UnfinishedRouteChange.in(incidents.timeline(id))) {
				if (change.lastActivity().plus(quiet).isBefore(now)) {
					try {
						reconciled += reconcile(id, change) ? 1 : 0;
					}
					catch (RuntimeException ex) {
						log.error("could not reconcile route change {} of {}", change.key(), IncidentIds.format(id), ex);
					}
				}
			}
		}
		return reconciled;
	}

	private boolean reconcile(long id, UnfinishedRouteChange change) {
		TimelineEvent s = change.started();
		Optional<Gateway> gateway = gateways.all().stream().filter(g -> g.kind().equals(s.detail("gateway"))).findFirst();
		RouteRun run = run(id, s, gateway.orElse(null));
		Optional<RouteState> live = gateway.flatMap(g -> RouteChangeStages.read(run.proposal()));
		RouteState before = run.proposal().before() == null ? null : run.proposal().before().state();
		String route = s.detail("route");
		String expected = run.proposal().expectedAfter();
		Truth truth = live.isEmpty() ? Truth.UNKNOWN
				: Objects.equals(live.get().activeTarget(), expected) ? Truth.LANDED
						: before != null && (before.fingerprint().equals(live.get().fingerprint())
								|| Objects.equals(before.activeTarget(), live.get().activeTarget())) ? Truth.NOT_LANDED
										: Truth.OTHER;
		String stopped = "the process stopped " + (change.written().isPresent() ? "after the write was read back, before verify"
				: "between the start of '" + s.detail("text") + "' and its read back") + "; ";
		String found = switch (truth) {
			case LANDED -> "reconciled: " + route + " is on " + name(expected) + " (as planned) — verifying";
			case NOT_LANDED -> "reconciled: " + route + " still on " + name(before.activeTarget()) + ": the write did not land";
			case OTHER -> "reconciled: " + route + " is on " + name(live.get().activeTarget()) + ", neither the plan's "
					+ name(expected) + " nor " + name(before == null ? null : before.activeTarget())
					+ " as before: someone else changed it";
			default -> "the route could not be read back from the " + s.detail("gateway") + " gateway";
		};
		if (!interrupted(id, change, run, stopped + found)) {
			return false;
		}
		switch (truth) {
			case LANDED -> {
				RouteSnapshot after = change.written()
					.flatMap(w -> snapshots.find(w.detail("afterSnapshot")))
					.orElseGet(() -> stages.written(run, live.get(), found));
				stages.verify(run, after);
			}
			case NOT_LANDED -> stages.outcome(run, EventType.ACTION_FAILED, verdict(run, "NOT_APPLIED", s.detail("plan")
					+ ": the write did not land (read back after the interruption shows " + route + " on "
					+ name(before.activeTarget()) + "); nothing changed: run the action again to retry"));
			case OTHER -> stages.outcome(run, EventType.ACTION_FAILED, verdict(run, "DRIFT", s.detail("plan") + ": " + found
					+ "; nothing was overwritten: check the route before changing it again"));
			default -> stages.outcome(run, EventType.ACTION_FAILED, verdict(run, "UNKNOWN", s.detail("plan")
					+ ": interrupted, and the route could not be read back, so its state is unknown: check it before retrying"));
		}
		return true;
	}

	private enum Truth {
		LANDED, NOT_LANDED, OTHER, UNKNOWN
	}

	/** Claims the reconciliation (once across replicas) and says in the timeline what happened. */
	private boolean interrupted(long id, UnfinishedRouteChange change, RouteRun run, String result) {
		Applied<Boolean> claimed = transactions.change(id, "route-interrupted:" + change.key() + ":" + change.interruptions(),
				(incident, c) -> {
					boolean still = UnfinishedRouteChange.in(incidents.timeline(id))
						.stream()
						.anyMatch(u -> u.key().equals(change.key()) && u.interruptions() == change.interruptions());
					if (still) {
						c.record(EventType.ACTION_INTERRUPTED, Actor.SWITCHBOARD, run.step(), RouteEvents.with(run.base(),
								"result", result));
					}
					return still;
				});
		return !claimed.replayed() && Boolean.TRUE.equals(claimed.result());
	}

	private static Map<String, Object> verdict(RouteRun run, String outcome, String result) {
		Map<String, Object> details = RouteEvents.with(run.base(), "outcome", outcome);
		details.put("result", result);
		return details;
	}

	/** The change as its started event describes it, carried on by Switchboard itself. */
	private RouteRun run(long id, TimelineEvent s, Gateway gateway) {
		Map<String, Object> base = new LinkedHashMap<>(s.details());
		base.keySet().removeAll(java.util.List.of("result", "requestedBy", "approvedBy"));
		RouteCommand command = new RouteCommand(RouteCommand.Kind.valueOf(s.detail("kind").toUpperCase(Locale.ROOT)),
				s.detail("route"), null);
		RouteSnapshot before = s.detail("snapshot") == null ? null : snapshots.find(s.detail("snapshot")).orElse(null);
		RouteSnapshot restoreTo = s.detail("restoreSnapshot") == null ? null
				: snapshots.find(s.detail("restoreSnapshot")).orElse(null);
		String expect = s.detail("expect") == null || s.detail("expect").isEmpty() ? null : s.detail("expect");
		RouteProposal p = new RouteProposal(command, gateway, null, s.detail("plan"),
				Objects.requireNonNullElse(s.detail("planHash"), ""), null, before, restoreTo, null, s.detail("target"), expect,
				null, null);
		return new RouteRun(id, s.step(), Actor.SWITCHBOARD, base, p, s.detail("idempotencyKey"));
	}

	private static String name(String target) {
		return target == null ? "(disabled)" : target;
	}
}
