package dev.switchboard.drill;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.scenario.SandboxEffect;
import dev.switchboard.gateway.sandbox.Behaviour;
import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.ownership.Service;

/**
 * Applies a scenario's effects to the sandbox gateway: a target of the drilled service's route
 * goes down (503), is throttled (429 with Retry-After), answers wrong content or recovers. Probes
 * through the route then really fail or pass, so a verify after a flip tells the truth.
 */
@Component
class SandboxEffects {

	private final SandboxControls sandbox;

	private final CatalogRegistry catalogs;

	SandboxEffects(SandboxControls sandbox, CatalogRegistry catalogs) {
		this.sandbox = sandbox;
		this.catalogs = catalogs;
	}

	/** Route and targets as the drill starts: seeded, every target healthy, the primary selected. */
	void reset(String serviceId) {
		route(serviceId).ifPresent(s -> {
			sandbox.seed(s.route(), s.secondary() == null ? List.of(s.primary()) : List.of(s.primary(), s.secondary()));
			sandbox.reset(s.route());
		});
	}

	/** Every target of the service's route healthy again; the route's selection is left as the drill left it. */
	void calm(String serviceId) {
		route(serviceId).ifPresent(s -> {
			sandbox.behave(s.route(), s.primary(), Behaviour.HEALTHY);
			if (s.secondary() != null) {
				sandbox.behave(s.route(), s.secondary(), Behaviour.HEALTHY);
			}
		});
	}

	/** Describes and applies {@code effects}; returns what changed, for the timeline. */
	List<String> apply(String serviceId, List<SandboxEffect> effects) {
		Service service = route(serviceId).orElse(null);
		if (service == null) {
			return effects.isEmpty() ? List.of() : List.of("service " + serviceId + " has no gateway route: nothing applied");
		}
		return effects.stream().map(e -> {
			String model = service.target(e.target());
			Behaviour behaviour = Behaviour.fromWire(e.behaviour().toLowerCase(Locale.ROOT));
			sandbox.behave(service.route(), model, behaviour);
			return service.route() + " " + e.target() + " (" + model + ") → " + behaviour.wire()
					+ (e.rate() == null ? "" : " (announced " + e.rate() + " %)");
		}).toList();
	}

	private java.util.Optional<Service> route(String serviceId) {
		return catalogs.current().ownership().service(serviceId).filter(s -> s.route() != null && s.primary() != null);
	}
}
