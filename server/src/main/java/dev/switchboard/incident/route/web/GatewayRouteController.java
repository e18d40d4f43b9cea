package dev.switchboard.incident.route.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.switchboard.golden.health.RouteHealthReport;
import dev.switchboard.incident.route.RouteReport;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.UnauthenticatedException;

/** {@code GET /api/gateway/routes}: live route state against ownership.yaml, with drift flagged. */
@RestController
class GatewayRouteController {

	/** A route's row with its health (golden results per target, vendor status, the owners' alert) beside it. */
	record RouteWithHealth(@JsonUnwrapped RouteReport.Row row, RouteHealthReport.View health) {
	}

	private final RouteReport report;

	private final ApiCaller caller;

	private final RouteHealthReport health;

	GatewayRouteController(RouteReport report, ApiCaller caller, RouteHealthReport health) {
		this.report = report;
		this.caller = caller;
		this.health = health;
	}

	@Operation(operationId = "listGatewayRoutes", summary = "List gateway routes, drift and health", description = "Each route as the gateway answers now, against ownership.yaml (drift only where no open incident explains it), with its golden-set health per target.")
	@GetMapping("/api/gateway/routes")
	List<RouteWithHealth> routes(HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return report.rows().stream().map(r -> new RouteWithHealth(r, health.of(r.route()))).toList();
	}
}
