package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.switchboard.scenario.Scenarios;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.LintReport;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.OwnershipLoader;
import dev.switchboard.runbook.LintOptions;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.RunbookParser;
import dev.switchboard.runbook.RunbookRules;

/**
 * Loads and checks ownership.yaml and a folder of runbooks. This is the single implementation of
 * every lint rule's orchestration: {@code switchboard lint} prints its findings, the server's
 * registry uses it to decide which files may be served. Files are parsed and checked in parallel;
 * a file that cannot be read or parsed becomes a finding, never an exception.
 */
public final class CatalogLoader {

	private final RunbookParser parser = new RunbookParser();

	/** Null for a one-shot loader (the CLI); the server's registry keeps one across reloads. */
	private final ParseCache cache;

	private final OwnershipLoader ownershipLoader = new OwnershipLoader();

	private final Scenarios scenarios = new Scenarios();

	/**
	 * One runbook file after the rules ran: the runbook (null if unreadable), its text (null if
	 * unreadable, and from {@link #lint}, which does not keep it) and its findings.
	 */
	public record CheckedFile(String file, Path path, Runbook runbook, String source, List<Finding> findings) {

		public boolean valid() {
			return runbook != null && findings.stream().noneMatch(Finding::isError);
		}
	}

	/** A loader that parses every file on every call: for one-shot use such as {@code switchboard lint}. */
	public CatalogLoader() {
		this.cache = null;
	}

	private CatalogLoader(ParseCache cache) {
		this.cache = cache;
	}

	/**
	 * A loader for repeated loads of the same folder (the server's reloads): a runbook file whose
	 * content did not change since the previous call is not parsed again (see {@link ParseCache}).
	 */
	public static CatalogLoader reusingParses() {
		return new CatalogLoader(new ParseCache());
	}

	public OwnershipLoader.Loaded loadOwnership(Path file) {
		if (!Files.isRegularFile(file)) {
			FindingSink sink = new FindingSink(file.toString());
			sink.error(1, "unreadable", "ownership file not found");
			return new OwnershipLoader.Loaded(Ownership.EMPTY, sink.findings(), p -> 1);
		}
		return ownershipLoader.load(file, file.toString());
	}

	/** Lints everything, as the CLI does: the best-effort ownership is used even when it has errors. */
	public LintReport lint(Path runbooksDir, Path ownershipFile, LintOptions options) {
		// Parsing the runbooks does not need ownership.yaml, only checking them does: load it on
		// another core meanwhile (in a fresh JVM both are mostly class loading, ~0.4 s each).
		CompletableFuture<OwnershipLoader.Loaded> loading = CompletableFuture.supplyAsync(() -> loadOwnership(ownershipFile));
		List<Finding> folderFindings = new ArrayList<>();
		Parsed parsed = parseRunbooks(runbooksDir, folderFindings, false);
		OwnershipLoader.Loaded ownership = join(loading);
		List<Finding> findings = new ArrayList<>(ownership.findings());
		findings.addAll(folderFindings);
		// lint reports findings only: no need to keep 10,000 files' text until the end
		Map<String, CheckedFile> files = check(runbooksDir, parsed, ownership.ownership(), options);
		files.values().forEach(f -> findings.addAll(f.findings()));
		findings.addAll(serviceRunbookLinks(ownership, files.values(), ownershipFile.toString()));
		Scenarios.Checked scenarios = checkScenarios(runbooksDir, files.values(), ownership.ownership());
		findings.addAll(scenarios.findings());
		return LintReport.of(findings, files.size() + 1 + scenarios.files());
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Reads and checks the drill scenarios of {@code <runbooks>/drills/} against the runbooks that parsed
	 * (a runbook with lint errors still anchors its scenarios) and warns about runbooks no scenario covers.
	 */
	public Scenarios.Checked checkScenarios(Path runbooksDir, java.util.Collection<CheckedFile> files,
			Ownership ownership) {
		List<Runbook> runbooks = files.stream().map(CheckedFile::runbook).filter(java.util.Objects::nonNull).toList();
		return scenarios.check(runbooksDir, runbooks, ownership);
	}

	/**
	 * Parses and checks every runbook of a folder against {@code ownership}.
	 * @param folderFindings receives problems of the folder itself (missing, unreadable)
	 * @return checked files by file name, in name order
	 */
	public Map<String, CheckedFile> checkRunbooks(Path dir, Ownership ownership, LintOptions options,
			List<Finding> folderFindings) {
		return checkRunbooks(dir, ownership, options, folderFindings, true);
	}

	/** @param keepSources whether each {@link CheckedFile#source()} holds the file's text (else null) */
	private Map<String, CheckedFile> checkRunbooks(Path dir, Ownership ownership, LintOptions options,
			List<Finding> folderFindings, boolean keepSources) {
		return check(dir, parseRunbooks(dir, folderFindings, keepSources), ownership, options);
	}

	/** The runbook files of a folder, in name order, and what parsing each gave, by file name. */
	private record Parsed(List<Path> paths, Map<String, Read> reads) {
	}

	private Parsed parseRunbooks(Path dir, List<Finding> folderFindings, boolean keepSources) {
		List<Path> paths;
		try {
			paths = RunbookSource.files(dir);
		}
		catch (IOException ex) {
			folderFindings.add(Finding.error(dir.toString(), 1, "unreadable", "cannot list runbooks folder: " + ex));
			return new Parsed(List.of(), Map.of());
		}
		Map<String, Read> reads = new ConcurrentHashMap<>();
		paths.parallelStream().forEach(path -> reads.put(path.getFileName().toString(), parse(dir, path, keepSources)));
		if (cache != null) {
			cache.retainOnly(paths.stream().map(p -> dir.resolve(p.getFileName()).toString()).collect(Collectors.toSet()));
		}
		return new Parsed(paths, reads);
	}

	private Map<String, CheckedFile> check(Path dir, Parsed parsedFiles, Ownership ownership, LintOptions options) {
		List<Path> paths = parsedFiles.paths();
		Map<String, Read> parsed = parsedFiles.reads();
		if (paths.isEmpty()) {
			return Map.of();
		}
		Map<String, Runbook> byFile = new HashMap<>();
		parsed.forEach((name, read) -> {
			if (read.parsed().runbook() != null) {
				byFile.put(name, read.parsed().runbook());
			}
		});
		Map<String, List<Finding>> crossFindings = CrossRunbookRules.check(dir, byFile);
		RunbookRules rules = new RunbookRules(ownership, byFile, options);
		Map<String, CheckedFile> checked = new ConcurrentHashMap<>();
		paths.parallelStream().forEach(path -> {
			String name = path.getFileName().toString();
			RunbookParser.Parsed p = parsed.get(name).parsed();
			String display = dir.resolve(name).toString();
			FindingSink sink = new FindingSink(display);
			p.findings().forEach(sink::add);
			crossFindings.getOrDefault(name, List.of()).forEach(sink::add);
			if (p.runbook() != null) {
				try {
					rules.check(p.runbook(), sink);
				}
				catch (RuntimeException ex) {
					sink.error(1, "internal", "the linter failed on this file (" + ex
							+ "); please report it with the file attached");
				}
			}
			checked.put(name, new CheckedFile(display, path, p.runbook(), parsed.get(name).source(), sink.findings()));
		});
		return checked.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/** A file's text and what the parser made of it. */
	private record Read(RunbookParser.Parsed parsed, String source) {

		static Read failed(String display, String rule, String message) {
			return new Read(new RunbookParser.Parsed(null, List.of(Finding.error(display, 1, rule, message))), null);
		}
	}

	private Read parse(Path dir, Path path, boolean keepSource) {
		String display = dir.resolve(path.getFileName()).toString();
		String text;
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return Read.failed(display, "unreadable", "file is not UTF-8 text");
		}
		catch (IOException ex) {
			return Read.failed(display, "unreadable", "cannot read file: " + ex.getMessage());
		}
		try {
			// the bytes decoded as UTF-8, so their hash is the hash of the text's UTF-8 encoding
			String sha256 = RunbookParser.sha256(bytes);
			RunbookParser.Parsed parsed = cache == null ? null : cache.get(display, sha256);
			if (parsed == null) {
				parsed = parser.parse(display, path.getFileName().toString(), text, sha256);
				if (cache != null) {
					cache.put(display, sha256, parsed);
				}
			}
			return new Read(parsed, keepSource ? text : null);
		}
		catch (RuntimeException ex) {
			return Read.failed(display, "internal",
					"the linter failed on this file (" + ex + "); please report it with the file attached");
		}
	}

	/** {@code services[].runbooks} in ownership.yaml must name runbooks that exist. */
	static List<Finding> serviceRunbookLinks(OwnershipLoader.Loaded ownership, java.util.Collection<CheckedFile> files,
			String ownershipFile) {
		Set<String> ids = files.stream().filter(f -> f.runbook() != null).map(f -> f.runbook().id()).collect(Collectors.toSet());
		List<Finding> findings = new ArrayList<>();
		List<dev.switchboard.ownership.Service> services = ownership.ownership().services();
		for (int i = 0; i < services.size(); i++) {
			List<String> runbooks = services.get(i).runbooks();
			for (int j = 0; j < runbooks.size(); j++) {
				if (!ids.contains(runbooks.get(j))) {
					findings.add(Finding.error(ownershipFile, ownership.lineOf("/services/" + i + "/runbooks/" + j),
							"unknown-reference", "service '" + services.get(i).id() + "' lists unknown runbook '"
									+ runbooks.get(j) + "'"));
				}
			}
		}
		return findings;
	}
}
