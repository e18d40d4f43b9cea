package dev.switchboard.incident.route;

import java.util.Optional;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.ownership.Service;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Incident;

/**
 * Who may change a route, and on which gateway: ownership.yaml's {@code permissions.route_change},
 * a different second approver bound to the exact plan for the tiers that need one, and drills
 * kept off production gateways. Each method returns the reason to refuse, or empty.
 */
final class RouteGuard {

	private RouteGuard() {
	}

	static Optional<String> refuseRequest(Ownership ownership, Incident incident, RouteCommand command, Service service,
			Actor actor, Gateway gateway) {
		if (service == null) {
			return Optional.of("route '" + command.route() + "' belongs to no service in ownership.yaml, so nobody may "
					+ "change it from an incident");
		}
		if (!ownership.mayAuthorizeRouteChange(actor.personId(), service.id())) {
			return Optional.of(name(ownership, actor.personId()) + " may not change routes of " + service.id() + " (tier "
					+ service.tier() + "); ownership.yaml permissions.route_change allows: " + authorities(ownership, service));
		}
		return refuseGateway(incident, command, gateway);
	}

	static Optional<String> refuseGateway(Incident incident, RouteCommand command, Gateway gateway) {
		if (incident.drill() && gateway.production()) {
			return Optional.of("a drill may only change routes on a non-production gateway, and route '" + command.route()
					+ "' would be changed on the production '" + gateway.kind()
					+ "' gateway; set switchboard.gateway.drill-adapter to the sandbox");
		}
		return Optional.empty();
	}

	static Optional<String> refuseApproval(Ownership ownership, Service service, Actor approver,
			PendingApprovals.PendingApproval pending, String planHash) {
		if (service == null || !ownership.mayAuthorizeRouteChange(approver.personId(), service.id())) {
			return Optional.of(name(ownership, approver.personId()) + " may not approve route changes of "
					+ (service == null ? "this route" : service.id() + "; ownership.yaml allows: " + authorities(ownership, service)));
		}
		if (approver.personId().equals(pending.requestedBy())) {
			return Optional.of("you asked for this change; a different authorized person must approve it");
		}
		if (planHash == null || !planHash.equals(pending.planHash())) {
			return Optional.of("this approval names plan " + abbreviate(planHash) + ", but the plan awaiting approval is "
					+ pending.shortHash() + " (" + pending.summary() + "); approve the plan you have read, as shown now");
		}
		return Optional.empty();
	}

	private static String authorities(Ownership ownership, Service service) {
		return String.join(", ", ownership.routeChangeAuthorities(service.id()).stream().map(Person::name).toList());
	}

	private static String name(Ownership ownership, String personId) {
		return ownership.person(personId).map(Person::name).orElse(personId);
	}

	private static String abbreviate(String hash) {
		return hash == null ? "(none)" : hash.substring(0, Math.min(16, hash.length()));
	}
}
