package dev.switchboard.incident.route;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.ownership.Service;
import dev.switchboard.gateway.sandbox.SandboxControls;

/**
 * Gives the sandbox every route ownership.yaml declares, at startup: the primary selected, the
 * secondary standing by. Existing routes are left as they are (a restart keeps a flip in place).
 */
@Component
class OwnershipSeed implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OwnershipSeed.class);

	private final CatalogRegistry catalogs;

	private final SandboxControls controls;

	OwnershipSeed(CatalogRegistry catalogs, SandboxControls controls) {
		this.catalogs = catalogs;
		this.controls = controls;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Service service : catalogs.current().ownership().services()) {
			if (service.route() == null || service.primary() == null) {
				continue;
			}
			List<String> models = new ArrayList<>(List.of(service.primary()));
			if (service.secondary() != null && !service.secondary().equals(service.primary())) {
				models.add(service.secondary());
			}
			if (controls.seed(service.route(), models)) {
				log.info("sandbox gateway: route {} seeded with {}", service.route(), models);
			}
		}
	}
}
