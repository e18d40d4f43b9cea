package dev.switchboard.incident.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.LastKnownGood;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.golden.ContentGate;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;

/**
 * The stages of a claimed route change after its claim: write it on the gateway, record what reading
 * it back shows (with the lease), verify it and record the verdict. Each record is its own short
 * transaction guarded by a key of the change, so the process that made the change and the recovery
 * after a crash record each stage once between them. The gateway is never called under a lock.
 */
@Component
class RouteChangeStages {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final RouteSnapshots snapshots;

	private final LastKnownGood lastKnownGood;

	private final RouteLeasing leasing;

	private final GatewayRegistry registry;

	private final RouteContentGate gate;

	RouteChangeStages(IncidentTransactions transactions, Incidents incidents, RouteSnapshots snapshots,
			LastKnownGood lastKnownGood, RouteLeasing leasing, GatewayRegistry registry, RouteContentGate gate) {
		this.gate = gate;
		this.transactions = transactions;
		this.incidents = incidents;
		this.snapshots = snapshots;
		this.lastKnownGood = lastKnownGood;
		this.leasing = leasing;
		this.registry = registry;
	}

	/** The state read back after the write, or empty when nothing was written (recorded as the change's outcome). */
	Optional<RouteState> write(RouteRun run) {
		RouteProposal p = run.proposal();
		RouteState returned;
		try {
			returned = call(p, run.gatewayKey());
		}
		catch (GatewayException ex) {
			if (ex.reason() == GatewayException.Reason.DRIFT) {
				outcome(run, EventType.ACTION_REFUSED, RouteEvents.with(run.base(), "result", ex.getMessage()
						+ ". Nothing was restored."));
				return Optional.empty();
			}
			Optional<RouteState> now = read(p);
			if (now.isPresent() && !now.get().fingerprint().equals(p.before().state().fingerprint())) {
				return now; // the call failed (e.g. timed out) but the change is there: verify it like any other
			}
			Map<String, Object> failed = RouteEvents.with(run.base(), "reason", ex.reason().name());
			failed.put("outcome", now.isPresent() ? "NOT_APPLIED" : "UNKNOWN");
			failed.put("result", p.summary() + ": the gateway call failed (" + ex.getMessage() + "); "
					+ (now.isPresent() ? "read back shows the route unchanged on " + active(now.get())
							: "the route could not be read back, so its state is unknown: check it before retrying"));
			outcome(run, EventType.ACTION_FAILED, failed);
			return Optional.empty();
		}
		return read(p).or(() -> Optional.of(returned));
	}

	/** Records what reading the route back showed, with the lease bookkeeping; returns the stored after-snapshot. */
	RouteSnapshot written(RouteRun run, RouteState state, String result) {
		RouteProposal p = run.proposal();
		RouteSnapshot after = snapshots.store(p.gateway().kind(), state, "after " + p.command().text() + " in "
				+ incidents.get(run.incidentId()).humanId());
		transactions.change(run.incidentId(), run.writtenKey(), (incident, change) -> {
			Map<String, Object> details = RouteEvents.with(run.base(), "readBack", active(state));
			details.put("fingerprint", state.fingerprint());
			details.put("afterSnapshot", after.id());
			details.putAll(leasing.afterWrite(incident, run.step(), run.action(), p, after, change.now()));
			details.put("result", result != null ? result
					: "written; read back: " + p.command().route() + " on " + active(state) + "; verifying");
			change.record(EventType.ROUTE_WRITTEN, run.actor(), run.step(), details);
			return incident;
		});
		return after;
	}

	/** Verifies with probes and records the verdict; a verified healthy route becomes last-known-good. */
	Applied<Incident> verify(RouteRun run, RouteSnapshot after) {
		RouteProposal p = run.proposal();
		Verification v = probe(p);
		ContentGate.Verdict content = gate.check(run, v); // the golden set: only probes and content both passing verify
		boolean verified = v.outcome() == Verification.Outcome.VERIFIED && content.passed();
		Map<String, Object> outcome = RouteEvents.verification(RouteEvents.with(run.base(), "afterSnapshot", after.id()), v);
		if (!verified) {
			outcome.put("outcome", v.outcome() == Verification.Outcome.VERIFIED ? "FAILED" : v.outcome().name());
		}
		outcome.put("content", content.text());
		outcome.put("result", p.summary() + ": " + (verified ? "verified, " + RouteEvents.counts(v) + "; " + content.text()
				: outcomeText(v) + "; " + content.text() + "; the route's last-known-good is unchanged; "
						+ gate.afterFailure(run)));
		Applied<Incident> done = outcome(run, verified ? EventType.ACTION_SUCCEEDED : EventType.ACTION_FAILED, outcome);
		if (verified && p.expectedAfter() != null && !done.replayed()) {
			lastKnownGood.mark(after); // after the outcome is recorded: a crash in between leaves the older, safer one
		}
		return done;
	}

	/** Records the change's one verdict; a second one (another process got there first) is dropped. */
	Applied<Incident> outcome(RouteRun run, EventType type, Map<String, Object> details) {
		Applied<Incident> done = transactions.change(run.incidentId(), run.outcomeKey(), (incident, change) -> {
			change.record(type, run.actor(), run.step(), details);
			return incident;
		});
		return done.replayed() ? new Applied<>(incidents.get(run.incidentId()), true) : done;
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

	static Optional<RouteState> read(RouteProposal p) {
		try {
			return Optional.of(p.gateway().read(p.command().route()));
		}
		catch (GatewayException ex) {
			return Optional.empty();
		}
	}

	private Verification probe(RouteProposal p) {
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

	static String active(RouteState state) {
		return state.activeTarget() == null ? "(disabled)" : state.activeTarget();
	}
}
