package dev.switchboard.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When each runbook was last drilled and with what score, as the drill feature records it; the
 * runbook list shows it. A port so the catalog needs no drill types (the lint CLI has no database).
 */
public interface DrillHistory {

	/** The last ended drill of a runbook. */
	record LastDrill(String runbookId, String incident, Instant at, int score) {
	}

	/** By runbook id; a runbook never drilled is absent. */
	Map<String, LastDrill> lastByRunbook();

	/** A runbook last drilled longer ago than this (or never) is stale. */
	Duration staleAfter();

	default boolean stale(String runbookId, Instant now) {
		LastDrill last = lastByRunbook().get(runbookId);
		return last == null || last.at().plus(staleAfter()).isBefore(now);
	}
}
