package dev.switchboard.catalog.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.Directory;
import dev.switchboard.ownership.Vendor;
import dev.switchboard.system.NotFoundException;

/** Ownership queries: who is on call for a service, role or team; vendor contacts. Who may read: dev.switchboard.security. */
@RestController
@RequestMapping("/api")
class DirectoryController {

	private final Directory directory;

	DirectoryController(Directory directory) {
		this.directory = directory;
	}

	@Operation(operationId = "whoOwns", summary = "Find who owns a service or who a person is", description = "Owners, escalation and on-call of a service, or a person's details.")
	@GetMapping("/who/{name}")
	Directory.Who who(@PathVariable String name) {
		Directory.Who who = directory.who(name);
		if (!who.found()) {
			throw new NotFoundException("service, role, team or person", name + "'; nearest: '" + String.join("', '", who.suggestions()));
		}
		return who;
	}

	@Operation(operationId = "getVendor", summary = "Get a vendor", description = "A model vendor from ownership.yaml: status page, support contacts.")
	@GetMapping("/vendors/{id}")
	Vendor vendor(@PathVariable String id) {
		return directory.vendor(id).orElseThrow(() -> new NotFoundException("vendor", id));
	}

	@Operation(operationId = "listVendors", summary = "List vendor ids", description = "The ids of the vendors in ownership.yaml.")
	@GetMapping("/vendors")
	List<String> vendors() {
		return directory.vendorSuggestions("");
	}
}
