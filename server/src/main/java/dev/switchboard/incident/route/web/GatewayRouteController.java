package dev.switchboard.incident.route.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.switchboard.golden.health.RouteHealthReport;
import dev.switchboard.incident.route.RouteReport;

/** {@code GET /api/gateway/routes}: live route state against ownership.yaml, with drift flagged. */
@RestController
class GatewayRouteController {

	/** A route's row with its health (golden results per target, vendor status, the owners' alert) beside it. */
	record RouteWithHealth(@JsonUnwrapped RouteReport.Row row, RouteHealthReport.View health) {
	}

	private final RouteReport report;

	private final RouteHealthReport health;

	GatewayRouteController(RouteReport report, RouteHealthReport health) {
		this.report = report;
		this.health = health;
	}

	@Operation(operationId = "listGatewayRoutes", summary = "List gateway routes, drift and health", description = "Each route as the gateway answers now, against ownership.yaml (drift only where no open incident explains it), with its golden-set health per target.")
	@GetMapping("/api/gateway/routes")
	List<RouteWithHealth> routes() {
		return report.rows().stream().map(r -> new RouteWithHealth(r, health.of(r.route()))).toList();
	}
}
