package dev.switchboard.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.LastKnownGood;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.incident.internal.TimelineStore;

/**
 * Makes an authorized route change: claims it once in the database (a double click, a retry or a
 * second replica finds it claimed), writes it on the gateway, reads it back, verifies it with
 * probes, and records each stage in its own short transaction; the gateway is never called while
 * the incident row is locked. Success is only ever claimed on a verified route.
 */
@Component
class RouteChangeRunner {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final TimelineStore timeline;

	private final RouteSnapshots snapshots;

	private final LastKnownGood lastKnownGood;

	private final RouteLeasing leasing;

	private final GatewayRegistry registry;

	RouteChangeRunner(IncidentTransactions transactions, Incidents incidents, TimelineStore timeline,
			RouteSnapshots snapshots, LastKnownGood lastKnownGood, RouteLeasing leasing, GatewayRegistry registry) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.timeline = timeline;
		this.snapshots = snapshots;
		this.lastKnownGood = lastKnownGood;
		this.leasing = leasing;
		this.registry = registry;
	}

	Applied<Incident> execute(long id, String step, int index, String text, RouteProposal p, Actor actor,
			String requestedBy) {
		Map<String, Object> base = RouteEvents.base(index, text, p);
		if (p.refused()) {
			return record(id, EventType.ACTION_REFUSED, actor, step, RouteEvents.with(base, "result", p.refusal()));
		}
		if (p.nothingToDo()) {
			return record(id, EventType.ACTION_SUCCEEDED, actor, step, RouteEvents.with(base, "result", p.noop()));
		}
		ActionHistory history = ActionHistory.of(timeline.list(id), step, index);
		String attempt = id + ":" + history.visit() + ":" + step + ":" + index + ":" + history.attempts() + ":" + p.hash();
		String gatewayKey = "switchboard-" + Fingerprint.of("incident", attempt).substring(0, 40);
		Map<String, Object> started = RouteEvents.with(base, "idempotencyKey", gatewayKey);
		if (requestedBy != null) {
			started.put("requestedBy", requestedBy);
			started.put("approvedBy", actor.personId());
		}
		started.put("result", "changing the route: " + p.summary());
		if (!claim(id, step, index, "route-change:" + attempt, actor, started)) {
			return new Applied<>(incidents.get(id), true);
		}
		Optional<RouteState> written = write(id, step, actor, base, p, gatewayKey);
		if (written.isEmpty()) {
			return new Applied<>(incidents.get(id), false);
		}
		RouteSnapshot after = snapshots.store(p.gateway().kind(), written.get(), "after " + p.command().text() + " in "
				+ incidents.get(id).humanId());
		transactions.change(id, null, (incident, change) -> {
			Map<String, Object> details = RouteEvents.with(base, "readBack", active(written.get()));
			details.put("fingerprint", written.get().fingerprint());
			details.put("afterSnapshot", after.id());
			details.putAll(leasing.afterWrite(incident, step, index, p, after, change.now()));
			details.put("result", "written; read back: " + p.command().route() + " on " + active(written.get()) + "; verifying");
			change.record(EventType.ROUTE_WRITTEN, actor, step, details);
			return incident;
		});
		Verification v = verify(p);
		boolean verified = v.outcome() == Verification.Outcome.VERIFIED;
		Map<String, Object> outcome = RouteEvents.verification(RouteEvents.with(base, "afterSnapshot", after.id()), v);
		outcome.put("result", p.summary() + ": " + (verified ? "verified, " + RouteEvents.counts(v)
				: outcomeText(v) + "; the route's last-known-good is unchanged"));
		Applied<Incident> done = record(id, verified ? EventType.ACTION_SUCCEEDED : EventType.ACTION_FAILED, actor, step,
				outcome);
		if (verified && p.expectedAfter() != null) {
			lastKnownGood.mark(after); // after the outcome is recorded: a crash in between leaves the older, safer one
		}
		return done;
	}

	private boolean claim(long id, String step, int index, String key, Actor actor, Map<String, Object> started) {
		Applied<Boolean> claimed = transactions.change(id, key, (incident, change) -> {
			Walk.requireOpen(incident);
			ActionHistory now = ActionHistory.of(timeline.list(id), step, index);
			if (!step.equals(incident.currentStep()) || now.running() || now.succeeded()) {
				return false;
			}
			change.record(EventType.ACTION_STARTED, actor, step, started);
			return true;
		});
		return !claimed.replayed() && Boolean.TRUE.equals(claimed.result());
	}

	/** The state read back after the write, or empty when nothing was written (recorded as the action's outcome). */
	private Optional<RouteState> write(long id, String step, Actor actor, Map<String, Object> base, RouteProposal p,
			String key) {
		RouteState returned;
		try {
			returned = call(p, key);
		}
		catch (GatewayException ex) {
			if (ex.reason() == GatewayException.Reason.DRIFT) {
				record(id, EventType.ACTION_REFUSED, actor, step, RouteEvents.with(base, "result", ex.getMessage()
						+ ". Nothing was restored."));
				return Optional.empty();
			}
			Optional<RouteState> now = read(p);
			if (now.isPresent() && !now.get().fingerprint().equals(p.before().state().fingerprint())) {
				return now; // the call failed (e.g. timed out) but the change is there: verify it like any other
			}
			Map<String, Object> failed = RouteEvents.with(base, "reason", ex.reason().name());
			failed.put("outcome", now.isPresent() ? "NOT_APPLIED" : "UNKNOWN");
			failed.put("result", p.summary() + ": the gateway call failed (" + ex.getMessage() + "); "
					+ (now.isPresent() ? "read back shows the route unchanged on " + active(now.get())
							: "the route could not be read back, so its state is unknown: check it before retrying"));
			record(id, EventType.ACTION_FAILED, actor, step, failed);
			return Optional.empty();
		}
		return read(p).or(() -> Optional.of(returned));
	}

	/** The one write of the change; every adapter returns the state it read back after writing. */
	private static RouteState call(RouteProposal p, String key) {
		String route = p.command().route();
		return switch (p.command().kind()) {
			case FLIP -> p.gateway().apply(p.flip(), key);
			case DISABLE -> p.gateway().setEnabled(route, p.target(), false);
			case ENABLE -> p.gateway().setEnabled(route, p.target(), true);
			case RESTORE -> p.gateway().restore(p.restoreTo(), p.expectedCurrent());
		};
	}

	private Optional<RouteState> read(RouteProposal p) {
		try {
			return Optional.of(p.gateway().read(p.command().route()));
		}
		catch (GatewayException ex) {
			return Optional.empty();
		}
	}

	private Verification verify(RouteProposal p) {
		try {
			return p.gateway().verify(p.command().route(), p.expectedAfter(), registry.verifyPolicy());
		}
		catch (RuntimeException ex) {
			return new Verification(Verification.Outcome.FAILED, registry.verifyPolicy().probes(), 0,
					List.of("verify could not run: " + ex.getMessage()));
		}
	}

	private static String outcomeText(Verification v) {
		return v.outcome() == Verification.Outcome.WRITTEN_NOT_CONVERGED
				? "written but not converged, " + RouteEvents.counts(v)
				: "verification failed, " + RouteEvents.counts(v);
	}

	private static String active(RouteState state) {
		return state.activeTarget() == null ? "(disabled)" : state.activeTarget();
	}

	private Applied<Incident> record(long id, EventType type, Actor actor, String step, Map<String, Object> details) {
		return transactions.change(id, null, (incident, change) -> {
			change.record(type, actor, step, details);
			return incident;
		});
	}
}
