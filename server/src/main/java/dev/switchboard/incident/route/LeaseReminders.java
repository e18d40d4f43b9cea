package dev.switchboard.incident.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.switchboard.gateway.GatewayProperties;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.internal.IncidentTransactions;

/**
 * Reminds the commander, in the incident's timeline, before a route change's lease ends, so a
 * forgotten flip cannot linger. Once per lease across replicas (the request key is the guard).
 */
@Component
public class LeaseReminders {

	private final FlipLeases leases;

	private final IncidentTransactions transactions;

	private final GatewayProperties properties;

	private final Clock clock;

	LeaseReminders(FlipLeases leases, IncidentTransactions transactions, GatewayProperties properties, Clock clock) {
		this.leases = leases;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Records a reminder for every lease ending within the reminder window; returns how many. */
	@Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
	public int remind() {
		Instant now = clock.instant();
		int reminded = 0;
		for (FlipLease lease : leases.dueForReminder(now.plus(properties.leaseReminder()))) {
			Applied<Boolean> done = transactions.change(lease.incidentId(), "lease-reminder:" + lease.id(),
					(incident, change) -> {
						if (!leases.markReminded(lease.id(), change.now())) {
							return false;
						}
						change.record(EventType.LEASE_REMINDER, Actor.SWITCHBOARD, lease.step(), details(incident, lease, now));
						return true;
					});
			reminded += Boolean.TRUE.equals(done.result()) ? 1 : 0;
		}
		return reminded;
	}

	private static Map<String, Object> details(Incident incident, FlipLease lease, Instant now) {
		long minutes = Math.max(0, Duration.between(now, lease.expiresAt()).toMinutes());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("route", lease.route());
		details.put("gateway", lease.gateway());
		details.put("lease", lease.id());
		details.put("leaseExpires", lease.expiresAt().toString());
		details.put("commander", incident.commander());
		details.put("restoreTo", lease.restoreSnapshot());
		details.put("result", "'gateway " + lease.kind() + " " + lease.route() + "' from " + incident.humanId()
				+ " is still in effect; its lease ends in " + minutes + " min, then Switchboard reverts it: renew it to keep it (renew "
				+ lease.route() + "), or roll it back now (rollback " + lease.route() + ", or gateway restore " + lease.route() + ")");
		return details;
	}
}
