package dev.switchboard.incident.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.TimelineEvent;

/**
 * Undoes one route change still in effect, for the Roll back button and the automatic revert of an
 * expired lease: plans the restore (refused, nothing overwritten, when someone else changed the route
 * since), claims the undo once per lease and attempt under the incident's lock (a double click, the
 * scheduler of another replica), then writes, reads back and verifies it like any change.
 */
@Component
class RouteUndo {

	/** What to undo, and how the timeline names it. */
	record Undo(FlipLease lease, boolean toBefore, Actor actor, String text, Map<String, Object> extra) {
	}

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final FlipLeases leases;

	private final RouteSnapshots snapshots;

	private final GatewayRegistry gateways;

	private final RouteProposals proposals;

	private final RouteChangeRunner runner;

	RouteUndo(IncidentTransactions transactions, Incidents incidents, FlipLeases leases, RouteSnapshots snapshots,
			GatewayRegistry gateways, RouteProposals proposals, RouteChangeRunner runner) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.leases = leases;
		this.snapshots = snapshots;
		this.gateways = gateways;
		this.proposals = proposals;
		this.runner = runner;
	}

	Gateway gateway(FlipLease lease) {
		return gateways.all().stream().filter(g -> g.kind().equals(lease.gateway())).findFirst()
			.orElseThrow(() -> new IncidentException(IncidentException.Code.ACTION_UNAVAILABLE, "the '" + lease.gateway()
					+ "' gateway of this change is no longer configured"));
	}

	/**
	 * Plans, claims and runs the undo. {@code first} records events in the claiming transaction before the
	 * change starts (e.g. the lease ended), so they are recorded once too. Empty when another request claimed it.
	 */
	Optional<Applied<Incident>> run(long id, Undo undo, Map<String, Object> first, EventType firstType) {
		FlipLease lease = undo.lease();
		Gateway gateway = gateway(lease);
		RouteSnapshot target = snapshots.find(undo.toBefore() ? lease.beforeSnapshot() : lease.restoreSnapshot()).orElseThrow();
		Map<String, Object> base = base(undo, gateway);
		RouteProposal p;
		try {
			p = proposals.revert(incidents.get(id), lease, target, gateway, undo.text());
		}
		catch (GatewayException ex) {
			Map<String, Object> failed = RouteEvents.with(base, "reason", ex.reason().name());
			failed.put("result", Redaction.text("could not plan '" + undo.text() + "': " + ex.getMessage()
					+ "; nothing was changed"));
			return claim(id, undo, first, firstType, EventType.ACTION_FAILED, failed).map(x -> new Applied<>(x, false));
		}
		RouteEvents.plan(base, p);
		if (p.refused()) {
			Optional<Incident> refused = claim(id, undo, first, firstType, EventType.ACTION_REFUSED,
					RouteEvents.with(base, "result", p.refusal()));
			refused.ifPresent(x -> transactions.change(id, null, (incident, change) -> {
				leases.end(lease.id(), "overwritten by someone else; not undone", change.now());
				return incident;
			}));
			return refused.map(x -> new Applied<>(incidents.get(id), false));
		}
		String key = "switchboard-" + Fingerprint.of("undo", String.valueOf(lease.id()), p.hash()).substring(0, 40);
		RouteRun run = new RouteRun(id, lease.step(), undo.actor(), RouteEvents.run(base, p, key), p, key);
		Map<String, Object> started = RouteEvents.with(run.base(), "result", "changing the route: " + p.summary());
		return claim(id, undo, first, firstType, EventType.ACTION_STARTED, started).map(x -> runner.finish(run));
	}

	/** Records {@code type} once per lease and attempt, while the lease is in effect and nothing else undoes it. */
	private Optional<Incident> claim(long id, Undo undo, Map<String, Object> first, EventType firstType, EventType type,
			Map<String, Object> details) {
		long leaseId = undo.lease().id();
		int attempt = attempts(incidents.timeline(id), leaseId);
		Applied<Incident> claimed = transactions.change(id, "route-undo:" + leaseId + ":" + attempt, (incident, change) -> {
			List<TimelineEvent> timeline = incidents.timeline(id);
			Optional<FlipLease> now = leases.find(leaseId);
			if (now.isEmpty() || attempts(timeline, leaseId) != attempt || undoing(timeline, leaseId)
					|| firstType == EventType.LEASE_EXPIRED && !now.get().expiresAt().equals(undo.lease().expiresAt())) {
				return null;
			}
			if (first != null && attempt == 0) { // a retry (the gateway failed the first time) is not a second expiry
				change.record(firstType, undo.actor(), undo.lease().step(), first);
			}
			change.record(type, undo.actor(), undo.lease().step(), details);
			return incident;
		});
		return claimed.replayed() ? Optional.empty() : Optional.ofNullable(claimed.result());
	}

	/** True while an undo of the lease has started and has no verdict yet. */
	static boolean undoing(List<TimelineEvent> timeline, long leaseId) {
		return UnfinishedRouteChange.in(timeline).stream().anyMatch(u -> String.valueOf(leaseId).equals(u.started().detail("undoes.lease")));
	}

	/** Undo attempts of the lease that reached a verdict. */
	private static int attempts(List<TimelineEvent> timeline, long leaseId) {
		return (int) timeline.stream()
			.filter(e -> String.valueOf(leaseId).equals(e.detail("undoes.lease")) && (e.type() == EventType.ACTION_SUCCEEDED
					|| e.type() == EventType.ACTION_FAILED || e.type() == EventType.ACTION_REFUSED))
			.count();
	}

	private static Map<String, Object> base(Undo undo, Gateway gateway) {
		FlipLease lease = undo.lease();
		Map<String, Object> base = new java.util.LinkedHashMap<>();
		base.put("undoes", String.valueOf(lease.action()));
		base.put("undoes.lease", String.valueOf(lease.id()));
		base.put("text", undo.text());
		base.put("gateway", gateway.kind());
		base.put("route", lease.route());
		base.putAll(undo.extra());
		return base;
	}
}
