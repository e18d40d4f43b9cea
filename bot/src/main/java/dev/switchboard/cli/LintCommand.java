package dev.switchboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.catalog.HeadingIdMigration;
import dev.switchboard.golden.GoldenLoader;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard lint [--runbooks DIR] [--ownership FILE] [--goldens DIR] [--format text|json] [--max-review-age DAYS]
 * [--today DATE] [--fix [--diff]]}. Exit 0 when clean (warnings allowed), 1 on errors, 2 on a usage error.
 * {@code --fix} first rewrites old {@code {#id}} step headings to anchors GitHub honours, then lints;
 * {@code --fix --diff} only prints that rewrite as a unified diff.
 */
public final class LintCommand {

	static final String USAGE = """
			usage: switchboard lint [--runbooks DIR] [--ownership FILE] [--goldens DIR] [--format text|json]
			                        [--max-review-age DAYS] [--today YYYY-MM-DD] [--fix [--diff]]
			  defaults: --runbooks ./runbooks --ownership ./ownership.yaml --goldens ./goldens --format text
			            --max-review-age 180 (a missing goldens folder is no golden sets)
			  --fix          rewrite '## Title {#id}' step headings as '## <a name="id"></a>Title' (GitHub's
			                 anchors; the step ids stay), nothing else, then lint
			  --fix --diff   print that rewrite as a unified diff; change nothing""";

	private LintCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--runbooks", "runbooks", "--ownership",
				"ownership.yaml", "--goldens", "goldens", "--format", "text", "--max-review-age", "180"));
		boolean fix = false;
		boolean diff = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--fix") || arg.equals("--diff")) {
				fix |= arg.equals("--fix");
				diff |= arg.equals("--diff");
				continue;
			}
			String value = null;
			int eq = arg.indexOf('=');
			if (eq > 0) {
				value = arg.substring(eq + 1);
				arg = arg.substring(0, eq);
			}
			if (arg.equals("--help") || arg.equals("-h")) {
				out.println(USAGE);
				return 0;
			}
			if (!options.containsKey(arg) && !arg.equals("--today")) {
				err.println("lint: unknown option '" + arg + "'\n" + USAGE);
				return 2;
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					err.println("lint: option " + arg + " needs a value\n" + USAGE);
					return 2;
				}
				value = args[++i];
			}
			options.put(arg, value);
		}
		LintOptions lintOptions;
		try {
			LocalDate today = options.containsKey("--today") ? LocalDate.parse(options.get("--today")) : LocalDate.now();
			lintOptions = new LintOptions(today, Duration.ofDays(Long.parseLong(options.get("--max-review-age"))));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			err.println("lint: " + ex.getMessage() + "\n" + USAGE);
			return 2;
		}
		String format = options.get("--format");
		if (!format.equals("text") && !format.equals("json")) {
			err.println("lint: --format must be text or json\n" + USAGE);
			return 2;
		}
		if (diff && !fix) {
			err.println("lint: --diff goes with --fix\n" + USAGE);
			return 2;
		}
		if (fix) {
			Path runbooks = Path.of(options.get("--runbooks"));
			try {
				HeadingIdMigration migration = new HeadingIdMigration();
				List<HeadingIdMigration.Rewrite> rewrites = migration.plan(runbooks);
				if (diff) {
					rewrites.forEach(r -> out.print(UnifiedDiff.of(r)));
					err.println(summary(rewrites) + (rewrites.isEmpty() ? "" : "; nothing written"));
					return 0;
				}
				migration.write(rewrites);
				err.println(summary(rewrites) + (rewrites.isEmpty() ? "" : ", rewritten"));
			}
			catch (IOException ex) {
				err.println("lint: --fix could not rewrite " + runbooks + ": " + ex);
				return 2;
			}
		}
		LintReport catalog = new CatalogLoader().lint(Path.of(options.get("--runbooks")),
				Path.of(options.get("--ownership")), lintOptions);
		LintReport report = withGoldens(catalog, Path.of(options.get("--goldens")), Path.of(options.get("--ownership")));
		if (format.equals("json")) {
			out.println(json(report));
		}
		else {
			StringBuilder text = new StringBuilder();
			report.findings().forEach(f -> text.append(f).append('\n'));
			text.append(report.summary());
			out.println(text);
		}
		return report.passed() ? 0 : 1;
	}

	private static String summary(List<HeadingIdMigration.Rewrite> rewrites) {
		int headings = rewrites.stream().mapToInt(r -> r.fixes().size()).sum();
		return rewrites.isEmpty() ? "lint --fix: no '{#id}' heading to rewrite"
				: "lint --fix: " + headings + " '{#id}' heading" + (headings == 1 ? "" : "s") + " in " + rewrites.size()
						+ " file" + (rewrites.size() == 1 ? "" : "s");
	}

	/** The golden sets' findings next to the catalog's: the same rules the server runs on reload. */
	private static LintReport withGoldens(LintReport catalog, Path goldens, Path ownershipFile) {
		if (!java.nio.file.Files.isDirectory(goldens)) {
			return catalog;
		}
		LintReport golden = new GoldenLoader().lint(goldens, new CatalogLoader().loadOwnership(ownershipFile).ownership());
		List<Finding> all = new java.util.ArrayList<>(catalog.findings());
		all.addAll(golden.findings());
		return LintReport.of(all, catalog.filesChecked() + golden.filesChecked());
	}

	private static String json(LintReport report) {
		List<Map<String, Object>> findings = report.findings().stream().map(LintCommand::json).toList();
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("files", report.filesChecked());
		doc.put("errors", report.errors());
		doc.put("warnings", report.warnings());
		doc.put("findings", findings);
		return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
	}

	private static Map<String, Object> json(Finding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", f.file());
		m.put("line", f.line());
		m.put("severity", f.severity().label());
		m.put("rule", f.rule());
		m.put("message", f.message());
		return m;
	}
}
