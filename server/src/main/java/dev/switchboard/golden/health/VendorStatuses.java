package dev.switchboard.golden.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.golden.GoldenProperties;
import dev.switchboard.ownership.Vendor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each vendor's Statuspage {@code summary.json} (the canary refreshes them every run) and keeps the last
 * reading. A page that does not answer, answers an error or something unreadable is "unknown", never operational.
 */
@Component
public class VendorStatuses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CatalogRegistry catalogs;

	private final GoldenProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final Map<String, VendorStatus> last = new ConcurrentHashMap<>();

	VendorStatuses(CatalogRegistry catalogs, GoldenProperties properties, Clock clock) {
		this.catalogs = catalogs;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.canary().statusTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/** Reads every vendor's page once. */
	public void refresh() {
		for (Vendor v : catalogs.current().ownership().vendors()) {
			last.put(v.id(), read(v));
		}
	}

	public Optional<VendorStatus> of(String vendor) {
		return Optional.ofNullable(last.get(vendor));
	}

	public List<VendorStatus> all() {
		return List.copyOf(last.values());
	}

	VendorStatus read(Vendor v) {
		if (v.statusPage() == null || v.statusPage().isBlank()) {
			return unknown(v, "no status page in ownership.yaml");
		}
		URI url;
		try {
			url = URI.create(v.statusPage().replaceAll("/+$", "") + "/api/v2/summary.json");
		}
		catch (IllegalArgumentException ex) {
			return unknown(v, "status page address is not a URL");
		}
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(properties.canary().statusTimeout())
				.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return unknown(v, "status page answered HTTP " + response.statusCode());
			}
			JsonNode status = JSON.readTree(response.body()).path("status");
			String indicator = status.path("indicator").asString("");
			if (!List.of("none", "minor", "major", "critical").contains(indicator)) {
				return unknown(v, "status page said nothing readable");
			}
			return new VendorStatus(v.id(), indicator, status.path("description").asString(indicator), clock.instant());
		}
		catch (IOException | RuntimeException ex) {
			return unknown(v, "status page unreachable (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unknown(v, "interrupted");
		}
	}

	private VendorStatus unknown(Vendor v, String why) {
		return new VendorStatus(v.id(), "unknown", why, clock.instant());
	}
}
