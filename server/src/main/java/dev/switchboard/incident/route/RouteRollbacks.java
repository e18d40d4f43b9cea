package dev.switchboard.incident.route;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.internal.People;

/**
 * The commander's controls over a route change still in effect: Roll back (restore the snapshot taken
 * just before it, refusing when someone else changed the route since) and Renew (keep it another lease).
 * Both need the permission a flip of the route needs, are recorded (refusals too) and apply once per request.
 */
@Service
public class RouteRollbacks {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final RouteChanges changes;

	private final RouteUndo undo;

	private final FlipLeases leases;

	private final GatewayProperties properties;

	RouteRollbacks(IncidentTransactions transactions, Incidents incidents, CatalogRegistry catalogs, RouteChanges changes,
			RouteUndo undo, FlipLeases leases, GatewayProperties properties) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.changes = changes;
		this.undo = undo;
		this.leases = leases;
		this.properties = properties;
	}

	/** Rolls back the change incident {@code id} made on {@code route}: written, read back and verified. */
	public Applied<Incident> rollback(long id, String route, Actor actor, String requestKey) {
		Ownership ownership = catalogs.current().ownership();
		People.requirePerson(ownership, actor);
		String text = "gateway rollback " + route;
		Applied<FlipLease> asked = transactions.change(id, requestKey, (incident, change) -> {
			FlipLease lease = changes.leaseOf(id, route);
			Optional<String> refusal = refusal(ownership, incident, lease, actor);
			refusal.ifPresent(reason -> change.record(EventType.ACTION_REFUSED, actor, lease.step(), details(lease, text,
					reason)));
			return refusal.isPresent() ? null : lease;
		});
		if (asked.replayed() || asked.result() == null) {
			return new Applied<>(incidents.get(id), asked.replayed());
		}
		Map<String, Object> extra = Map.of("requestedBy", actor.personId());
		return undo.run(id, new RouteUndo.Undo(asked.result(), true, actor, text, extra), null, null)
			.orElseGet(() -> new Applied<>(incidents.get(id), true));
	}

	/** Keeps the change incident {@code id} made on {@code route} for another lease, from now. */
	public Applied<Incident> renew(long id, String route, Actor actor, String requestKey) {
		Ownership ownership = catalogs.current().ownership();
		People.requirePerson(ownership, actor);
		return transactions.change(id, requestKey, (incident, change) -> {
			FlipLease lease = changes.leaseOf(id, route);
			String text = "renew the lease of '" + lease.kind() + "' on " + route;
			Optional<String> refusal = refusal(ownership, incident, lease, actor);
			if (refusal.isPresent()) {
				change.record(EventType.ACTION_REFUSED, actor, lease.step(), details(lease, text, refusal.get()));
				return incident;
			}
			if (RouteUndo.undoing(incidents.timeline(id), lease.id()) || !lease.expiresAt().isAfter(change.now())) {
				throw new IncidentException(Code.ACTION_UNAVAILABLE, "the change on " + route
						+ " is being rolled back or reverted now; nothing to renew");
			}
			Instant expires = change.now().plus(properties.lease());
			leases.renew(lease.id(), expires);
			Map<String, Object> details = details(lease, text, "renewed by " + name(ownership, actor) + ": " + route
					+ " stays as the change left it until " + expires + "; reverts then unless renewed again");
			details.put("leaseExpires", expires.toString());
			details.put("leaseMinutes", properties.lease().toMinutes());
			change.record(EventType.LEASE_RENEWED, actor, lease.step(), details);
			return incident;
		});
	}

	/** Exactly the checks of a flip of the route: route-change permission for its service, drills kept off production. */
	private Optional<String> refusal(Ownership ownership, Incident incident, FlipLease lease, Actor actor) {
		RouteCommand command = new RouteCommand(RouteCommand.Kind.FLIP, lease.route(), null);
		var service = ownership.serviceByRoute(lease.route()).orElse(null);
		return RouteGuard.refuseRequest(ownership, incident, command, service, actor, undo.gateway(lease));
	}

	private static Map<String, Object> details(FlipLease lease, String text, String result) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("undoes", String.valueOf(lease.action()));
		details.put("lease", lease.id());
		details.put("text", text);
		details.put("gateway", lease.gateway());
		details.put("route", lease.route());
		details.put("result", result);
		return details;
	}

	private static String name(Ownership ownership, Actor actor) {
		return ownership.person(actor.personId()).map(Person::name).orElse(actor.personId());
	}
}
