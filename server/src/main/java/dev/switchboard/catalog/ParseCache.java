package dev.switchboard.catalog;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.runbook.RunbookParser;

/**
 * What the parser made of each runbook file at its last load, keyed by the file's path and the
 * SHA-256 of its bytes (the runbook's version id), so that a server reload re-reads and re-hashes
 * every file but parses only the ones whose content changed. Keying on content rather than on size
 * and modification time means an edit that keeps both can never be served stale. The rules across
 * runbooks and each runbook's rules still run on every load: they depend on the other files and on
 * ownership.yaml.
 *
 * <p>A parse is a pure function of (display path, file name, text), and the display path includes
 * the file name, so a hit returns exactly what parsing again would.
 */
final class ParseCache {

	private record Entry(String sha256, RunbookParser.Parsed parsed) {
	}

	private final ConcurrentHashMap<String, Entry> byPath = new ConcurrentHashMap<>();

	RunbookParser.Parsed get(String displayPath, String sha256) {
		Entry entry = byPath.get(displayPath);
		return entry != null && entry.sha256().equals(sha256) ? entry.parsed() : null;
	}

	void put(String displayPath, String sha256, RunbookParser.Parsed parsed) {
		byPath.put(displayPath, new Entry(sha256, parsed));
	}

	/** Forgets files that are gone, so a long-running server does not keep every version ever seen. */
	void retainOnly(Set<String> displayPaths) {
		byPath.keySet().retainAll(displayPaths);
	}

	int size() {
		return byPath.size();
	}
}
