package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.switchboard.scenario.Scenarios;
import dev.switchboard.lint.Finding;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.OwnershipLoader;
import dev.switchboard.runbook.LintOptions;
import dev.switchboard.runbook.Runbook;

/**
 * The catalog a running server serves, reloaded when files change. A file that fails lint never
 * replaces its last good version: a broken ownership.yaml keeps the previous registry, a broken
 * runbook keeps its previous text (or stays out if it never passed), and the findings are kept
 * for {@code /api/catalog/findings} and the logs.
 */
@Component
public class CatalogRegistry {

	private static final Logger log = LoggerFactory.getLogger(CatalogRegistry.class);

	private final CatalogProperties properties;

	private final Clock clock;

	private final CatalogLoader loader = CatalogLoader.reusingParses();

	private final AtomicReference<Catalog> current = new AtomicReference<>();

	private volatile String fingerprint = "";

	public CatalogRegistry(CatalogProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		reload();
	}

	public Catalog current() {
		return current.get();
	}

	/** Re-reads the files when any of them changed since the last load. */
	@Scheduled(fixedDelayString = "${switchboard.catalog.reload-interval:2s}")
	public void reloadIfChanged() {
		if (!fingerprint().equals(fingerprint)) {
			reload();
		}
	}

	public synchronized Catalog reload() {
		fingerprint = fingerprint();
		Catalog previous = current.get();
		LintOptions options = new LintOptions(LocalDate.now(clock), properties.maxReviewAge());
		OwnershipLoader.Loaded loaded = loader.loadOwnership(properties.ownershipFile());
		Ownership ownership = loaded.valid() || previous == null ? loaded.ownership() : previous.ownership();
		if (!loaded.valid() && previous != null) {
			log.warn("{} has errors; still serving its last good version", properties.ownershipFile());
		}
		List<Finding> findings = new ArrayList<>(loaded.findings());
		Map<String, CatalogLoader.CheckedFile> files = loader.checkRunbooks(properties.runbooksDir(), ownership, options,
				findings);
		Map<String, Runbook> previousByFile = new HashMap<>();
		if (previous != null) {
			previous.runbooks().values().forEach(r -> previousByFile.put(r.file(), r));
		}
		Map<String, Runbook> served = new HashMap<>();
		Map<String, String> sources = new HashMap<>();
		GitVersions git = GitVersions.of(properties.runbooksDir(), files.values()
			.stream()
			.filter(CatalogLoader.CheckedFile::valid)
			.filter(f -> !unchanged(previousByFile.get(f.runbook().file()), f.runbook()))
			.map(f -> f.path().getFileName().toString())
			.toList());
		for (CatalogLoader.CheckedFile file : files.values()) {
			findings.addAll(file.findings());
			Runbook runbook = file.runbook();
			if (file.valid()) {
				Runbook old = previousByFile.get(runbook.file());
				served.put(runbook.id(), unchanged(old, runbook) ? old
						: runbook.withVersion(git.version(file.path().getFileName().toString(), runbook.version().sha256())));
				sources.put(runbook.version().sha256(), file.source());
			}
			else if (previousByFile.containsKey(file.path().getFileName().toString())) {
				Runbook old = previousByFile.get(file.path().getFileName().toString());
				served.putIfAbsent(old.id(), old);
				sources.put(old.version().sha256(), previous.sources().get(old.version().sha256()));
				log.warn("{} has errors; still serving its last good version {}", file.file(), old.version().shortLabel());
			}
			else {
				log.warn("{} has errors and was never valid; it is not served", file.file());
			}
		}
		findings.addAll(CatalogLoader.serviceRunbookLinks(loaded, files.values(), properties.ownershipFile().toString()));
		Scenarios.Checked scenarios = loader.checkScenarios(properties.runbooksDir(), files.values(), ownership);
		findings.addAll(scenarios.findings());
		findings.stream().filter(Finding::isError).forEach(f -> log.warn("lint: {}", f));
		Catalog catalog = new Catalog(ownership, served, sources, findings, clock.instant(), scenarios.valid());
		log.info("catalog loaded: {} runbooks served of {} files in {}, {} findings", served.size(), files.size(),
				properties.runbooksDir().toAbsolutePath().normalize(), findings.size());
		current.set(catalog);
		return catalog;
	}

	private static boolean unchanged(Runbook old, Runbook now) {
		return old != null && old.version().sha256().equals(now.version().sha256());
	}

	/** Names, sizes and modification times of every watched file. */
	private String fingerprint() {
		StringBuilder out = new StringBuilder();
		append(out, properties.ownershipFile());
		try (var files = Files.list(properties.runbooksDir())) {
			files.sorted().forEach(p -> append(out, p));
		}
		catch (IOException ex) {
			out.append("no-runbooks");
		}
		try (var files = Files.list(properties.runbooksDir().resolve(Scenarios.FOLDER))) {
			files.sorted().forEach(p -> append(out, p));
		}
		catch (IOException ex) {
			out.append("no-drills");
		}
		return out.toString();
	}

	private static void append(StringBuilder out, Path path) {
		try {
			out.append(path).append(':').append(Files.size(path)).append(':').append(Files.getLastModifiedTime(path)).append(';');
		}
		catch (IOException ex) {
			out.append(path).append(":missing;");
		}
	}
}
