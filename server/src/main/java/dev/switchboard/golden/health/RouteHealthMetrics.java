package dev.switchboard.golden.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus gauges of route health: {@code switchboard_golden_pass_rate{route,target}} (0..1, NaN until the first
 * run), {@code switchboard_golden_passing{route,target}} (1 or 0), {@code switchboard_route_alert{route}} (1 while the
 * owners' alert is open) and {@code switchboard_vendor_status{vendor}} (0 none … 3 critical, -1 unknown).
 */
@Component
class RouteHealthMetrics {

	private final MeterRegistry registry;

	private final RouteHealth health;

	private final VendorStatuses vendors;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	RouteHealthMetrics(MeterRegistry registry, RouteHealth health, VendorStatuses vendors) {
		this.registry = registry;
		this.health = health;
		this.vendors = vendors;
	}

	/** Registers gauges for targets and vendors seen for the first time (gauges read the live values on scrape). */
	void update() {
		for (TargetHealth t : health.all()) {
			String route = t.route();
			String target = t.target();
			if (registered.add("t:" + route + "|" + target)) {
				Gauge.builder("switchboard.golden.pass.rate", () -> health.target(route, target)
					.map(h -> h.last() == null ? Double.NaN : h.last().passRate()).orElse(Double.NaN))
					.tags("route", route, "target", target).register(registry);
				Gauge.builder("switchboard.golden.passing", () -> health.target(route, target)
					.map(h -> h.last() == null ? Double.NaN : h.last().passed() ? 1 : 0).orElse(Double.NaN))
					.tags("route", route, "target", target).register(registry);
			}
			if (registered.add("r:" + route)) {
				Gauge.builder("switchboard.route.alert", () -> health.alert(route).isPresent() ? 1 : 0)
					.tags("route", route).register(registry);
			}
		}
		for (VendorStatus v : vendors.all()) {
			String vendor = v.vendor();
			if (registered.add("v:" + vendor)) {
				Gauge.builder("switchboard.vendor.status", () -> vendors.of(vendor).map(VendorStatus::level).orElse(-1))
					.tags("vendor", vendor).register(registry);
			}
		}
	}
}
