package dev.switchboard.drill.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.drill.DrillReports;
import dev.switchboard.drill.Drills;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.system.NotFoundException;

/** {@code GET /api/drills/{id}/report}: the scored report in markdown (live while the drill runs). */
@RestController
@RequestMapping("/api/drills")
class DrillController {

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

	private final Drills drills;

	private final DrillReports reports;

	DrillController(Drills drills, DrillReports reports) {
		this.drills = drills;
		this.reports = reports;
	}

	@Operation(operationId = "getDrillReport", summary = "Get the scored report of a drill", description = "Markdown, live while the drill runs.")
	@GetMapping(value = "/{id}/report", produces = { "text/markdown", "text/plain" })
	org.springframework.http.ResponseEntity<String> report(@PathVariable String id) {
		long incident = IncidentIds.parse(id).orElseThrow(() -> new NotFoundException("drill", id));
		if (drills.find(incident).isEmpty()) {
			throw new NotFoundException("drill", id);
		}
		return org.springframework.http.ResponseEntity.ok().contentType(MARKDOWN).body(reports.markdown(incident));
	}
}
