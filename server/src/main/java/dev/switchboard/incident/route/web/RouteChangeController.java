package dev.switchboard.incident.route.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.route.RouteChangeInEffect;
import dev.switchboard.incident.route.RouteChanges;
import dev.switchboard.incident.route.RouteRollbacks;
import dev.switchboard.runbook.ChatTextRenderer;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.UnauthenticatedException;
import dev.switchboard.incident.web.IdempotencyKeys;
import dev.switchboard.incident.web.IncidentView;

/**
 * The route changes an incident made that are still in effect, with their Roll back and Renew
 * controls: {@code GET /api/incidents/{id}/route-changes}, {@code POST …/route-changes/{route}/rollback}
 * and {@code …/renew} (an {@code Idempotency-Key} header makes a retry apply once).
 */
@RestController
@RequestMapping("/api/incidents/{id}/route-changes")
class RouteChangeController {

	/** A change in effect and the two requests that act on it. */
	record ChangeView(String route, String gateway, String kind, String step, int action, String now, String before,
			Instant expiresAt, boolean reminded, String rollback, String renew) {

		static ChangeView of(String incident, RouteChangeInEffect c) {
			String path = "/api/incidents/" + incident + "/route-changes/" + c.route();
			return new ChangeView(c.route(), c.gateway(), c.kind(), c.step(), c.action(), c.now(), c.before(),
					c.expiresAt(), c.reminded(), "POST " + path + "/rollback", "POST " + path + "/renew");
		}
	}

	private final RouteChanges changes;

	private final RouteRollbacks rollbacks;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final ApiCaller caller;

	private final IdempotencyKeys keys;

	private final ChatTextRenderer text = new ChatTextRenderer();

	RouteChangeController(RouteChanges changes, RouteRollbacks rollbacks, Incidents incidents, CatalogRegistry catalogs,
			ApiCaller caller, IdempotencyKeys keys) {
		this.changes = changes;
		this.rollbacks = rollbacks;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.caller = caller;
		this.keys = keys;
	}

	@Operation(operationId = "listRouteChanges", summary = "List the route changes in effect", description = "Route changes this incident made that are still in effect, with their leases.")
	@GetMapping
	List<ChangeView> inEffect(@PathVariable String id) {
		String humanId = IncidentIds.format(id(id));
		return changes.inEffect(id(id)).stream().map(c -> ChangeView.of(humanId, c)).toList();
	}

	@Operation(operationId = "rollBackRouteChange", summary = "Roll back a route change", description = "Puts the route back as it was before the change, and reads it back.")
	@PostMapping("/{route}/rollback")
	ResponseEntity<IncidentView> rollback(@PathVariable String id, @PathVariable String route,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), rollbacks.rollback(id(id), route, actor(request), keys.of(request, IncidentIds.format(id(id)), "rollback " + route, null, key)));
	}

	@Operation(operationId = "renewRouteChange", summary = "Renew the lease of a route change", description = "Extends the lease so the change is not reverted automatically when it ends.")
	@PostMapping("/{route}/renew")
	ResponseEntity<IncidentView> renew(@PathVariable String id, @PathVariable String route,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), rollbacks.renew(id(id), route, actor(request), keys.of(request, IncidentIds.format(id(id)), "renew " + route, null, key)));
	}

	private ResponseEntity<IncidentView> reply(long id, Applied<Incident> applied) {
		return ResponseEntity.ok()
			.header("Idempotent-Replay", String.valueOf(applied.replayed()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(IncidentView.of(incidents.state(id), text, catalogs.current().ownership()));
	}

	private Actor actor(HttpServletRequest request) {
		return new Actor(caller.personOf(request).orElseThrow(UnauthenticatedException::new));
	}


	private static long id(String id) {
		return IncidentIds.parse(id)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
					"'" + id + "' is not an incident id such as INC-42"));
	}
}
