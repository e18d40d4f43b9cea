package dev.switchboard.catalog.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
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

	@GetMapping("/who/{name}")
	Directory.Who who(@PathVariable String name, HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		Directory.Who who = directory.who(name);
		if (!who.found()) {
			throw new NotFoundException("service, role, team or person", name + "'; nearest: '" + String.join("', '", who.suggestions()));
		}
		return who;
	}

	@GetMapping("/vendors/{id}")
	Vendor vendor(@PathVariable String id, HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return directory.vendor(id).orElseThrow(() -> new NotFoundException("vendor", id));
	}

	@GetMapping("/vendors")
	List<String> vendors(HttpServletRequest request) {
		caller.personOf(request).orElseThrow(UnauthenticatedException::new);
		return directory.vendorSuggestions("");
	}
}
