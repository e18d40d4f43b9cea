package dev.switchboard.catalog.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.Directory;
import dev.switchboard.ownership.Vendor;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.NotFoundException;
import dev.switchboard.system.UnauthenticatedException;

/** Ownership queries: who is on call for a service, role or team; vendor contacts. */
@RestController
@RequestMapping("/api")
class DirectoryController {

	private final Directory directory;

	private final ApiCaller caller;

	DirectoryController(Directory directory, ApiCaller caller) {
		this.directory = directory;
		this.caller = caller;
	}

	@Operation(operationId = "whoOwns", summary = "Find who owns a service or who a person is", description = "Owners, escalation and on-call of a service, or a person's details.")
	@GetMapping("/who/{name}")
	Directory.Who who(@PathVariable String name, HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		Directory.Who who = directory.who(name);
		if (!who.found()) {
			throw new NotFoundException("service, role, team or person", name + "'; nearest: '" + String.join("', '", who.suggestions()));
		}
		return who;
	}

	@Operation(operationId = "getVendor", summary = "Get a vendor", description = "A model vendor from ownership.yaml: status page, support contacts.")
	@GetMapping("/vendors/{id}")
	Vendor vendor(@PathVariable String id, HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return directory.vendor(id).orElseThrow(() -> new NotFoundException("vendor", id));
	}

	@Operation(operationId = "listVendors", summary = "List vendor ids", description = "The ids of the vendors in ownership.yaml.")
	@GetMapping("/vendors")
	List<String> vendors(HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return directory.vendorSuggestions("");
	}
}
