package dev.switchboard.incident.route;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;

/**
 * Reverts a route change whose lease ended unrenewed, so a forgotten flip cannot linger: restores the
 * route the incident started from (the lease's restore point), verifies it and records it; when someone
 * else changed the route meanwhile it overwrites nothing, records why and tells the commander. Once per
 * lease across replicas: the lease's end is claimed under the incident's lock with a request key.
 */
@Component
public class LeaseExpiry {

	private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);

	private final FlipLeases leases;

	private final RouteUndo undo;

	private final Incidents incidents;

	private final Clock clock;

	LeaseExpiry(FlipLeases leases, RouteUndo undo, Incidents incidents, Clock clock) {
		this.leases = leases;
		this.undo = undo;
		this.incidents = incidents;
		this.clock = clock;
	}

	/** Reverts every change whose lease has ended; returns how many this process claimed. */
	@Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
	public int revertExpired() {
		int reverted = 0;
		for (FlipLease lease : leases.expired(clock.instant())) {
			try {
				Incident incident = incidents.get(lease.incidentId());
				String text = "gateway revert " + lease.route();
				Map<String, Object> extra = Map.of("lease", lease.id(), "commander", incident.commander());
				var done = undo.run(lease.incidentId(), new RouteUndo.Undo(lease, false, Actor.SWITCHBOARD, text, extra),
						expired(incident, lease), EventType.LEASE_EXPIRED);
				reverted += done.isPresent() ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.error("could not revert the expired lease {} of route {}", lease.id(), lease.route(), ex);
			}
		}
		return reverted;
	}

	private static Map<String, Object> expired(Incident incident, FlipLease lease) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("undoes", String.valueOf(lease.action()));
		details.put("lease", lease.id());
		details.put("route", lease.route());
		details.put("gateway", lease.gateway());
		details.put("leaseExpires", lease.expiresAt().toString());
		details.put("commander", incident.commander());
		details.put("result", "the lease of '" + lease.kind() + "' on " + lease.route() + " from " + incident.humanId()
				+ " ended at " + lease.expiresAt() + " unrenewed: Switchboard reverts the route to where the incident found it");
		return details;
	}
}
