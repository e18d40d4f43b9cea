package dev.switchboard.catalog.web;

import java.util.List;

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

	@GetMapping("/who/{name}")
	Directory.Who who(@PathVariable String name) {
		Directory.Who who = directory.who(name);
		if (!who.found()) {
			throw new NotFoundException("service, role, team or person", name + "'; nearest: '" + String.join("', '", who.suggestions()));
		}
		return who;
	}

	@GetMapping("/vendors/{id}")
	Vendor vendor(@PathVariable String id) {
		return directory.vendor(id).orElseThrow(() -> new NotFoundException("vendor", id));
	}

	@GetMapping("/vendors")
	List<String> vendors() {
		return directory.vendorSuggestions("");
	}
}
