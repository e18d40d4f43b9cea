package dev.switchboard.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.scenario.Scenario;
import dev.switchboard.lint.Finding;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.runbook.Runbook;

/**
 * What the server serves: the ownership registry, the runbooks by id (with their exact text by
 * content hash, which incidents pin), and the findings of the
 * load that produced it (including those of files that were kept at their last good version), and the
 * drill scenarios that passed lint.
 */
public record Catalog(Ownership ownership, Map<String, Runbook> runbooks, Map<String, String> sources,
		List<Finding> findings, Instant loadedAt, Map<String, Scenario> scenarios) {

	public Catalog {
		runbooks = Map.copyOf(runbooks);
		sources = Map.copyOf(sources);
		findings = List.copyOf(findings);
		scenarios = Map.copyOf(scenarios);
	}

	public Catalog(Ownership ownership, Map<String, Runbook> runbooks, Map<String, String> sources,
			List<Finding> findings, Instant loadedAt) {
		this(ownership, runbooks, sources, findings, loadedAt, Map.of());
	}

	/** A drill scenario that passed lint, by id. */
	public Optional<Scenario> scenario(String id) {
		return Optional.ofNullable(scenarios.get(id.trim().toLowerCase(java.util.Locale.ROOT)));
	}

	/** The scenarios that rehearse {@code runbookId}, by id. */
	public List<Scenario> scenariosOf(String runbookId) {
		return scenarios.values().stream().filter(s -> s.runbook().equals(runbookId))
			.sorted(java.util.Comparator.comparing(Scenario::id)).toList();
	}

	/** The exact text of a served runbook version, by content hash. */
	public Optional<String> source(String sha256) {
		return Optional.ofNullable(sources.get(sha256));
	}

	public Optional<Runbook> runbook(String id) {
		return Optional.ofNullable(runbooks.get(id));
	}

	public Collection<Runbook> allRunbooks() {
		return runbooks.values().stream().sorted(java.util.Comparator.comparing(Runbook::id)).toList();
	}

	/** A runbook by id or alias (exact, case-insensitive). */
	public Optional<Runbook> byIdOrAlias(String name) {
		String n = name.trim().toLowerCase(java.util.Locale.ROOT);
		return runbook(n).or(() -> runbooks.values()
			.stream()
			.filter(r -> r.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n)))
			.findFirst());
	}
}
