package dev.switchboard.console;

import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.system.NotFoundException;

/** {@code GET /api/runbooks/{id}/diagram.mmd}: the decision tree as Mermaid text, to paste into GitHub. */
@RestController
class RunbookDiagramApi {

	private final CatalogRegistry catalogs;

	RunbookDiagramApi(CatalogRegistry catalogs) {
		this.catalogs = catalogs;
	}

	@Operation(operationId = "getRunbookDiagram", summary = "Get a runbook's decision tree as Mermaid", description = "The runbook's steps and choices as a Mermaid flowchart, nodes marked with their strategy; paste it into GitHub markdown, where Mermaid renders.")
	@GetMapping(path = "/api/runbooks/{id}/diagram.mmd", produces = "text/vnd.mermaid;charset=UTF-8")
	String mermaid(@PathVariable String id) {
		Runbook runbook = catalogs.current().byIdOrAlias(id).orElseThrow(() -> new NotFoundException("runbook", id));
		return RunbookDiagram.mermaid(runbook);
	}

}
