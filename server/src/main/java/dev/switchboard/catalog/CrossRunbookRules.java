package dev.switchboard.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.lint.Finding;
import dev.switchboard.runbook.Runbook;

/**
 * Rules across runbooks: an id or alias must start exactly one runbook. The second file (in name
 * order) gets the finding, pointing at the first.
 */
final class CrossRunbookRules {

	private CrossRunbookRules() {
	}

	static Map<String, List<Finding>> check(Path dir, Map<String, Runbook> byFile) {
		Map<String, List<Finding>> findings = new HashMap<>();
		Map<String, String> claimedBy = new HashMap<>();
		for (Runbook runbook : new TreeMap<>(byFile).values()) {
			claim(dir, runbook, runbook.id(), "/id", "id", claimedBy, findings);
			for (int i = 0; i < runbook.aliases().size(); i++) {
				claim(dir, runbook, runbook.aliases().get(i), "/aliases/" + i, "alias", claimedBy, findings);
			}
			if (runbook.id() != null && !(runbook.id() + ".md").equals(runbook.file())) {
				findings.computeIfAbsent(runbook.file(), k -> new ArrayList<>())
					.add(Finding.warning(dir.resolve(runbook.file()).toString(), runbook.lineOf("/id"), "id-file-name",
							"id '" + runbook.id() + "' differs from the file name; links use the file name, commands the id"));
			}
		}
		return findings;
	}

	private static void claim(Path dir, Runbook runbook, String name, String pointer, String what,
			Map<String, String> claimedBy, Map<String, List<Finding>> findings) {
		if (name == null) {
			return;
		}
		String key = name.toLowerCase(Locale.ROOT);
		String first = claimedBy.putIfAbsent(key, runbook.file());
		if (first != null && !(first.equals(runbook.file()) && what.equals("id"))) {
			String message = first.equals(runbook.file()) ? what + " '" + name + "' repeats this runbook's own id or alias"
					: "duplicate " + what + " '" + name + "': " + first + " already uses it";
			findings.computeIfAbsent(runbook.file(), k -> new ArrayList<>())
				.add(Finding.error(dir.resolve(runbook.file()).toString(), runbook.lineOf(pointer), "duplicate-id", message));
		}
	}
}
