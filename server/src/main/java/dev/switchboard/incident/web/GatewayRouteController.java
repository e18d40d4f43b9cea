package dev.switchboard.incident.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.incident.RouteReport;

/** {@code GET /api/gateway/routes}: live route state against ownership.yaml, with drift flagged. */
@RestController
class GatewayRouteController {

	private final RouteReport report;

	GatewayRouteController(RouteReport report) {
		this.report = report;
	}

	@GetMapping("/api/gateway/routes")
	List<RouteReport.Row> routes() {
		return report.rows();
	}
}
