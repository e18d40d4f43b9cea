package dev.switchboard.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A drill scenario, from {@code runbooks/drills/<id>.yaml}: the runbook rehearsed, the failure, the
 * path a good commander takes, the surprises injected and the facts participants may ask for.
 *
 * @param severity the severity to declare with, or null for the runbook's
 * @param file the file as lint names it; {@code source} its exact text (drills pin it)
 */
public record Scenario(String id, String title, String runbook, FailureShape shape, String service, String severity,
		String briefing, List<ExpectedChoice> expectedPath, List<InjectedEvent> events, Map<String, String> facts,
		String file, String source) {

	public Scenario {
		expectedPath = List.copyOf(expectedPath);
		events = List.copyOf(events);
		facts = Map.copyOf(facts);
	}

	/** A fact by key, case-insensitively. */
	public Optional<String> fact(String key) {
		String k = key.trim();
		return facts.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(k)).map(Map.Entry::getValue).findFirst();
	}
}
