package dev.switchboard.golden.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.golden.GoldenSet;
import dev.switchboard.golden.GoldenSets;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;
import dev.switchboard.ownership.Vendor;

/** The health of one route as people read it in {@code routes} and {@code GET /api/gateway/routes}. */
@Component
public class RouteHealthReport {

	/**
	 * @param golden the set that checks the route ({@code goldens/x.yaml: 4 cases, needs 4}) or
	 * {@code no golden set: content not checked}
	 * @param targets the last golden result of each target, the live one first
	 * @param vendors the status pages of the service's vendors
	 * @param alert the owners' alert, while open
	 */
	public record View(String golden, List<TargetView> targets, List<VendorView> vendors, RouteAlert alert) {
	}

	/** @param passRate 0..1 of the last run, null before the first */
	public record TargetView(String target, boolean live, String verdict, Double passRate, String passed, Instant at,
			String note) {
	}

	public record VendorView(String vendor, String status, String description, Instant at) {
	}

	private final GoldenSets sets;

	private final RouteHealth health;

	private final VendorStatuses statuses;

	private final CatalogRegistry catalogs;

	RouteHealthReport(GoldenSets sets, RouteHealth health, VendorStatuses statuses, CatalogRegistry catalogs) {
		this.sets = sets;
		this.health = health;
		this.statuses = statuses;
		this.catalogs = catalogs;
	}

	public View of(String route) {
		Ownership ownership = catalogs.current().ownership();
		Optional<GoldenSet> set = sets.forRoute(route);
		String golden = set.map(s -> s.file() + ": " + s.cases().size() + " cases, needs " + s.passAtLeast())
			.orElse("no golden set: content not checked");
		List<TargetView> targets = health.of(route).stream().map(t -> new TargetView(t.target(), t.live(), t.verdict(),
				t.last() == null ? null : t.last().passRate(), t.last() == null ? null
						: t.last().passedCount() + "/" + t.last().cases().size(), t.at(), t.note())).toList();
		List<VendorView> vendors = new ArrayList<>();
		ownership.serviceByRoute(route).map(Service::id).map(ownership::vendorsOf).orElse(List.of()).forEach(v -> vendors
			.add(statuses.of(v.id()).map(s -> new VendorView(v.id(), s.indicator().equals("none") ? "operational"
					: s.indicator(), s.description(), s.at())).orElseGet(() -> notRead(v))));
		return new View(golden, targets, vendors, health.alert(route).orElse(null));
	}

	/** Lines for chat, under the route's line in {@code routes}. */
	public List<String> lines(String route) {
		View v = of(route);
		List<String> lines = new ArrayList<>();
		lines.add("golden: " + v.golden());
		health.of(route).forEach(t -> lines.add("  " + t.line()));
		if (!v.vendors().isEmpty()) {
			lines.add("  vendor status: " + String.join(", ", v.vendors().stream().map(x -> x.vendor() + " " + x.status()
					+ (x.status().equals("operational") ? "" : " (" + x.description() + ")")).toList()));
		}
		if (v.alert() != null) {
			lines.add("  ALERT since " + v.alert().raisedAt() + ": " + v.alert().summary());
		}
		return lines;
	}

	private static VendorView notRead(Vendor v) {
		return new VendorView(v.id(), "unknown", "not read yet", null);
	}
}
