package dev.switchboard.incident.route;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.incident.Incident;

/**
 * Keeps one lease per route while incidents keep it changed: the first change opens it with the
 * route as it was before (what {@code gateway restore} puts back: the last-known-good the
 * incident started from), a further change replaces it and keeps that restore point, and a change
 * that brings the route back to it ends it. Runs inside the incident transaction that records the write.
 */
@Component
class RouteLeasing {

	private final FlipLeases leases;

	private final RouteSnapshots snapshots;

	private final GatewayProperties properties;

	RouteLeasing(FlipLeases leases, RouteSnapshots snapshots, GatewayProperties properties) {
		this.leases = leases;
		this.snapshots = snapshots;
		this.properties = properties;
	}

	/** Lease bookkeeping after a write; returns the timeline details that describe it. */
	Map<String, Object> afterWrite(Incident incident, String step, int index, RouteProposal p, RouteSnapshot after,
			Instant now) {
		String gateway = p.gateway().kind();
		String route = p.command().route();
		String restoreTo = leases.openFor(gateway, route).map(FlipLease::restoreSnapshot).orElse(p.before().id());
		RouteSnapshot restoreState = snapshots.find(restoreTo).orElse(p.before());
		leases.endAll(gateway, route, p.command().kind() == RouteCommand.Kind.RESTORE ? "restored in " + incident.humanId()
				: "replaced by '" + p.command().text() + "' in " + incident.humanId(), now);
		Map<String, Object> details = new LinkedHashMap<>();
		if (after.state().fingerprint().equals(restoreState.state().fingerprint())) {
			details.put("lease", "none: the route is back on its last-known-good");
			return details;
		}
		Instant expires = now.plus(properties.lease());
		long lease = leases.open(new FlipLease(0, incident.id(), step, index, p.command().kind().verb(), gateway, route,
				p.before().id(), restoreTo, after.id(), now, expires, null));
		details.put("lease", lease);
		details.put("leaseExpires", expires.toString());
		details.put("leaseMinutes", properties.lease().toMinutes());
		details.put("restoreTo", restoreTo);
		return details;
	}
}
