package dev.switchboard.incident.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.ownership.Service;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;

/**
 * Every service route's live state next to what ownership.yaml declares, flagging drift: a route
 * not on its declared primary that no open incident explains.
 */
@Component
public class RouteReport {

	/**
	 * @param on {@code primary}, {@code secondary}, {@code other}, {@code disabled} or {@code unknown} (gateway unreadable)
	 * @param explainedBy open incidents that explain a route off its primary (a change in effect, or declared for the service)
	 */
	public record Row(String route, String service, String gateway, boolean production, String declaredPrimary,
			String declaredSecondary, String active, String on, List<RouteState.Target> targets, boolean drift,
			List<String> explainedBy, String error) {
	}

	private final CatalogRegistry catalogs;

	private final GatewayRegistry gateways;

	private final Incidents incidents;

	private final FlipLeases leases;

	RouteReport(CatalogRegistry catalogs, GatewayRegistry gateways, Incidents incidents, FlipLeases leases) {
		this.catalogs = catalogs;
		this.gateways = gateways;
		this.incidents = incidents;
		this.leases = leases;
	}

	public List<Row> rows() {
		List<Incident> open = incidents.list(true, 500);
		List<FlipLease> changes = leases.openAll();
		List<Row> rows = new ArrayList<>();
		for (Service service : catalogs.current().ownership().services()) {
			if (service.route() != null) {
				rows.add(row(service, gateways.forRoute(service.route()), open, changes));
			}
		}
		return rows;
	}

	private static Row row(Service service, Gateway gateway, List<Incident> open, List<FlipLease> changes) {
		List<String> explained = open.stream()
			.filter(i -> !i.drill() && service.id().equals(i.service()) || changes.stream()
				.anyMatch(l -> l.incidentId() == i.id() && l.gateway().equals(gateway.kind())
						&& l.route().equals(service.route())))
			.map(Incident::humanId)
			.toList();
		try {
			RouteState live = gateway.read(service.route());
			String on = live.activeTarget() == null ? "disabled"
					: live.activeTarget().equals(service.primary()) ? "primary"
							: Objects.equals(live.activeTarget(), service.secondary()) ? "secondary" : "other";
			return new Row(service.route(), service.id(), gateway.kind(), gateway.production(), service.primary(),
					service.secondary(), live.activeTarget(), on, live.targets().stream().map(RouteReport::redacted).toList(),
					!on.equals("primary") && explained.isEmpty(), explained, null);
		}
		catch (GatewayException ex) {
			return new Row(service.route(), service.id(), gateway.kind(), gateway.production(), service.primary(),
					service.secondary(), null, "unknown", List.of(), false, explained, Redaction.text(ex.getMessage()));
		}
	}

	private static RouteState.Target redacted(RouteState.Target t) {
		return new RouteState.Target(t.id(), t.model(), Redaction.text(t.apiBase()), t.enabled());
	}
}
