package dev.switchboard.incident.route;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;

/** The route changes an incident made that are still in effect, for its Roll back and Renew buttons. */
@Service
public class RouteChanges {

	private final FlipLeases leases;

	private final RouteSnapshots snapshots;

	RouteChanges(FlipLeases leases, RouteSnapshots snapshots) {
		this.leases = leases;
		this.snapshots = snapshots;
	}

	public List<RouteChangeInEffect> inEffect(long incidentId) {
		return leases.openOf(incidentId).stream().map(this::view).toList();
	}

	/** The change in effect on {@code route} made by incident {@code incidentId}. */
	FlipLease leaseOf(long incidentId, String route) {
		return leases.openOf(incidentId)
			.stream()
			.filter(l -> l.route().equals(route))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new IncidentException(Code.ACTION_UNAVAILABLE, "no change " + IncidentIds.format(incidentId)
					+ " made on route '" + route + "' is in effect (restored, reverted or replaced meanwhile): nothing to do"));
	}

	private RouteChangeInEffect view(FlipLease l) {
		return new RouteChangeInEffect(l.id(), l.step(), l.action(), l.kind(), l.gateway(), l.route(), active(l.afterSnapshot()),
				active(l.beforeSnapshot()), l.expiresAt(), l.remindedAt() != null);
	}

	private String active(String snapshot) {
		return snapshots.find(snapshot).map(RouteSnapshot::state).map(s -> s.activeTarget()).filter(Objects::nonNull)
			.orElse(null);
	}
}
