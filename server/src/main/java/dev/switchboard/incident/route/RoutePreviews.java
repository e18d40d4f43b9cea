package dev.switchboard.incident.route;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.runbook.ActionCommand;
import dev.switchboard.incident.Incident;

/**
 * What a route action's button would change, for the button itself: a flip shows the gateway's
 * live plan ({@code invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5}). Read-only, and
 * never reads a production gateway for a drill.
 */
@Component
public class RoutePreviews {

	private final CatalogRegistry catalogs;

	private final GatewayRegistry gateways;

	private final FlipLeases leases;

	private final RouteSnapshots snapshots;

	RoutePreviews(CatalogRegistry catalogs, GatewayRegistry gateways, FlipLeases leases, RouteSnapshots snapshots) {
		this.catalogs = catalogs;
		this.gateways = gateways;
		this.leases = leases;
		this.snapshots = snapshots;
	}

	/** The change an action would make, or empty when it does not change a route. */
	public Optional<String> describe(Incident incident, ActionCommand action) {
		return RouteCommand.of(action).map(command -> describe(incident, command));
	}

	private String describe(Incident incident, RouteCommand command) {
		Gateway gateway = gateways.forRoute(command.route(), incident.drill());
		if (RouteGuard.refuseGateway(incident, command, gateway).isPresent()) {
			return command.route() + ": not in a drill (gateway '" + gateway.kind() + "' is production)";
		}
		String where = gateway.production() ? "" : " [" + gateway.kind() + "]";
		switch (command.kind()) {
			case FLIP -> {
				var service = catalogs.current().ownership().serviceByRoute(command.route());
				if (service.isEmpty()) {
					return command.route() + ": not a service route in ownership.yaml";
				}
				try {
					return Redaction.text(gateway.plan(command.route(), service.get().target(command.target())).summary())
							+ where;
				}
				catch (GatewayException ex) {
					return command.route() + " → " + service.get().target(command.target()) + " (plan unavailable: "
							+ Redaction.text(ex.getMessage()) + ")";
				}
			}
			case RESTORE -> {
				return leases.openFor(gateway.kind(), command.route())
					.flatMap(l -> snapshots.find(l.restoreSnapshot()))
					.map(RouteSnapshot::state)
					.map(s -> command.route() + ": back to " + (s.activeTarget() == null ? "(disabled)" : s.activeTarget())
							+ " (last-known-good)" + where)
					.orElse(command.route() + ": nothing to restore" + where);
			}
			case DISABLE -> {
				return command.route() + ": stop serving (fail closed)" + where;
			}
			default -> {
				return command.route() + ": serve again" + where;
			}
		}
	}
}
