package dev.switchboard.incident.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.incident.RouteReport;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.UnauthenticatedException;

/** {@code GET /api/gateway/routes}: live route state against ownership.yaml, with drift flagged. */
@RestController
class GatewayRouteController {

	private final RouteReport report;

	private final ApiCaller caller;

	GatewayRouteController(RouteReport report, ApiCaller caller) {
		this.report = report;
		this.caller = caller;
	}

	@Operation(operationId = "listGatewayRoutes", summary = "List gateway routes and drift", description = "Each route as the gateway answers now, against ownership.yaml; drift only where no open incident explains it.")
	@GetMapping("/api/gateway/routes")
	List<RouteReport.Row> routes(HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return report.rows();
	}
}
