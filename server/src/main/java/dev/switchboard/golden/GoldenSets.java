package dev.switchboard.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.lint.Finding;
import dev.switchboard.ownership.Service;

/**
 * The golden sets the server uses, by service: the folder is re-read (at most every {@code reload-interval}, on use)
 * with {@link GoldenLoader}, the same rules as {@code switchboard lint}; a file with errors never replaces the
 * last good version of it, and its findings are kept for whoever asks.
 */
@Component
public class GoldenSets {

	private static final Logger log = LoggerFactory.getLogger(GoldenSets.class);

	private record State(Map<String, GoldenSet> byFile, List<Finding> findings, long loadedAt) {
	}

	private final GoldenProperties properties;

	private final CatalogRegistry catalogs;

	private final GoldenLoader loader = new GoldenLoader();

	private volatile State state = new State(Map.of(), List.of(), Long.MIN_VALUE);

	GoldenSets(GoldenProperties properties, CatalogRegistry catalogs) {
		this.properties = properties;
		this.catalogs = catalogs;
	}

	/** The set that checks {@code route}'s service, if it has one. */
	public Optional<GoldenSet> forRoute(String route) {
		return catalogs.current().ownership().serviceByRoute(route).map(Service::id).flatMap(this::forService);
	}

	public Optional<GoldenSet> forService(String service) {
		return current().byFile().values().stream().filter(s -> s.service().equals(service)).findFirst();
	}

	/** Every set in use, by file. */
	public List<GoldenSet> all() {
		return List.copyOf(current().byFile().values());
	}

	/** What the last reload found wrong (files with errors are served in their last good version, if any). */
	public List<Finding> findings() {
		return current().findings();
	}

	private State current() {
		State s = state;
		if (System.nanoTime() - s.loadedAt() >= properties.reloadInterval().toNanos() || s.loadedAt() == Long.MIN_VALUE) {
			s = load();
		}
		return s;
	}

	/** Re-reads the folder now. */
	public void reload() {
		load();
	}

	private synchronized State load() {
		State previous = state;
		Map<String, GoldenSet> byFile = new LinkedHashMap<>();
		List<Finding> findings = new ArrayList<>();
		for (GoldenLoader.CheckedFile f : loader.check(properties.folder(), catalogs.current().ownership())) {
			findings.addAll(f.findings());
			if (f.set() != null) {
				byFile.put(f.file(), f.set());
			}
			else if (previous.byFile().containsKey(f.file())) {
				byFile.put(f.file(), previous.byFile().get(f.file()));
				log.warn("{} has errors; its last good version stays in use: {}", f.file(), f.findings());
			}
		}
		State next = new State(Map.copyOf(byFile), List.copyOf(findings), System.nanoTime());
		state = next;
		return next;
	}
}
