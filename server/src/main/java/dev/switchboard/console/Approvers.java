package dev.switchboard.console;

import java.util.List;
import java.util.Optional;

import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.route.PendingApprovals;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.runbook.ActionCommand;

/**
 * Who may approve a route change waiting for a second person: anyone ownership.yaml lets change that
 * service's route, except whoever asked. The engine checks again when they press; this only decides
 * whom the page names and shows the Approve button to.
 */
final class Approvers {

	private Approvers() {
	}

	static List<Person> of(IncidentState state, PendingApprovals.PendingApproval pending, Ownership ownership) {
		Optional<String> service = service(state, pending.action(), ownership);
		if (service.isEmpty()) {
			return List.of();
		}
		return ownership.routeChangeAuthorities(service.get())
			.stream()
			.filter(p -> !p.id().equals(pending.requestedBy()))
			.toList();
	}

	private static Optional<String> service(IncidentState state, int action, Ownership ownership) {
		if (action < 1 || action > state.step().actions().size()) {
			return Optional.empty();
		}
		String route = routeOf(state.step().actions().get(action - 1).command());
		if (route == null) {
			return Optional.empty();
		}
		return ownership.serviceByRoute(route).or(() -> ownership.service(route)).map(s -> s.id());
	}

	private static String routeOf(ActionCommand command) {
		if (command instanceof ActionCommand.GatewayFlip f) {
			return f.route();
		}
		if (command instanceof ActionCommand.GatewayRestore r) {
			return r.route();
		}
		if (command instanceof ActionCommand.GatewayDisable d) {
			return d.route();
		}
		if (command instanceof ActionCommand.GatewayEnable e) {
			return e.route();
		}
		return null;
	}
}
