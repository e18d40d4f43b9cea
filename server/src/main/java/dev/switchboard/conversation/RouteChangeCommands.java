package dev.switchboard.conversation;

import org.springframework.stereotype.Component;

import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.route.RouteRollbacks;

/** {@code rollback <route>} and {@code renew <route>}, typed or pressed (a Roll back or Renew button). */
@Component
class RouteChangeCommands {

	private final RouteRollbacks rollbacks;

	private final RouteChangeReplies changes;

	RouteChangeCommands(RouteRollbacks rollbacks, RouteChangeReplies changes) {
		this.rollbacks = rollbacks;
		this.changes = changes;
	}

	Applied<Incident> typed(String verb, long id, String route, Actor actor, String requestKey) {
		if (route.isBlank()) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
					verb + " which route? e.g. `" + verb + " support-replies` (see the changes in effect under `status`)");
		}
		return apply(verb, id, route.strip().split("\\s+")[0], actor, requestKey);
	}

	Applied<Incident> pressed(ActionId a, Actor actor, String requestKey) {
		String route = changes.route(a)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.ACTION_UNAVAILABLE,
					"that change is no longer in effect (rolled back, reverted or replaced): nothing to do"));
		return apply(a.kind() == ActionId.Kind.RENEW ? "renew" : "rollback", a.incidentId(), route, actor, requestKey);
	}

	private Applied<Incident> apply(String verb, long id, String route, Actor actor, String requestKey) {
		return verb.equals("renew") ? rollbacks.renew(id, route, actor, requestKey)
				: rollbacks.rollback(id, route, actor, requestKey);
	}
}
