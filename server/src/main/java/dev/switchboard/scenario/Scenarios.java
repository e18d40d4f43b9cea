package dev.switchboard.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.runbook.Runbook;

/**
 * The scenarios of a runbooks folder ({@code <runbooks>/drills/*.yaml}), read and checked against
 * the runbooks and ownership loaded beside them. Called by the catalog loader, so {@code switchboard
 * lint} and the server's reload report the same findings.
 */
public final class Scenarios {

	public static final String FOLDER = "drills";

	private final ScenarioParser parser = new ScenarioParser();

	/**
	 * @param valid scenarios without errors, by id
	 * @param files how many scenario files were read
	 */
	public record Checked(Map<String, Scenario> valid, List<Finding> findings, int files) {

		public static final Checked NONE = new Checked(Map.of(), List.of(), 0);
	}

	public Checked check(Path runbooksDir, Collection<Runbook> runbooks, Ownership ownership) {
		Path dir = runbooksDir.resolve(FOLDER);
		if (!Files.isDirectory(dir)) {
			return Checked.NONE; // a folder without drills/ does not rehearse yet: no warnings until it starts
		}
		List<Path> paths;
		try (Stream<Path> entries = Files.list(dir)) {
			paths = entries.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")
					|| p.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			return new Checked(Map.of(), List.of(Finding.error(dir.toString(), 1, "unreadable",
					"cannot list drills folder: " + ex)), 0);
		}
		ScenarioRules rules = new ScenarioRules(runbooks, ownership);
		List<Finding> findings = new ArrayList<>();
		Map<String, Scenario> valid = new LinkedHashMap<>();
		Map<String, String> idOwners = new HashMap<>();
		for (Path path : paths) {
			FindingSink sink = new FindingSink(dir.resolve(path.getFileName()).toString());
			ScenarioParser.Parsed parsed = read(path, sink);
			Scenario scenario = parsed == null ? null : parsed.scenario();
			if (scenario != null) {
				rules.check(scenario, parsed.tree(), sink);
				String first = idOwners.putIfAbsent(scenario.id(), path.getFileName().toString());
				if (first != null) {
					sink.error(parsed.tree().lineOf("/id"), "duplicate-id", "duplicate scenario id '" + scenario.id()
							+ "': " + first + " already uses it");
				}
			}
			findings.addAll(sink.findings());
			if (scenario != null && !sink.hasErrors()) {
				valid.put(scenario.id(), scenario);
			}
		}
		Set<String> drilled = valid.values().stream().map(Scenario::runbook).collect(Collectors.toSet());
		findings.addAll(undrilled(runbooksDir, runbooks, drilled));
		return new Checked(valid, findings, paths.size());
	}

	/** Once a folder has scenarios, a runbook no scenario rehearses has never been tested: a warning, at its id. */
	private static List<Finding> undrilled(Path runbooksDir, Collection<Runbook> runbooks, Set<String> drilled) {
		return runbooks.stream()
			.filter(r -> r.id() != null && !drilled.contains(r.id()))
			.map(r -> Finding.warning(runbooksDir.resolve(r.file()).toString(), r.lineOf("/id"), "undrilled",
					"no drill scenario rehearses runbook '" + r.id() + "'; add one under " + FOLDER + "/"))
			.toList();
	}

	private ScenarioParser.Parsed read(Path path, FindingSink sink) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
		}
		catch (CharacterCodingException ex) {
			sink.error(1, "unreadable", "file is not UTF-8 text");
			return null;
		}
		catch (IOException ex) {
			sink.error(1, "unreadable", "cannot read file: " + ex.getMessage());
			return null;
		}
		try {
			return parser.parse(sink.file(), text, sink);
		}
		catch (RuntimeException ex) {
			sink.error(1, "internal", "the linter failed on this file (" + ex + "); please report it with the file attached");
			return null;
		}
	}

	/** Re-reads a scenario a drill pinned (its text is stored with the drill). */
	public Scenario reparse(String display, String source) {
		FindingSink sink = new FindingSink(display);
		Scenario scenario = parser.parse(display, source, sink).scenario();
		if (scenario == null) {
			throw new IllegalStateException("pinned scenario " + display + " no longer parses: " + sink.findings());
		}
		return scenario;
	}
}
