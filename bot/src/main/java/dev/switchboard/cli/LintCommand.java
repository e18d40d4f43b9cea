package dev.switchboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.golden.GoldenLoader;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard lint [--runbooks DIR] [--ownership FILE] [--goldens DIR] [--format text|json] [--max-review-age DAYS] [--today DATE]}.
 * Exit 0 when clean (warnings allowed), 1 on errors, 2 on a usage error.
 */
public final class LintCommand {

	static final String USAGE = """
			usage: switchboard lint [--runbooks DIR] [--ownership FILE] [--goldens DIR] [--format text|json]
			                        [--max-review-age DAYS] [--today YYYY-MM-DD]
			  defaults: --runbooks ./runbooks --ownership ./ownership.yaml --goldens ./goldens --format text
			            --max-review-age 180 (a missing goldens folder is no golden sets)""";

	private LintCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--runbooks", "runbooks", "--ownership",
				"ownership.yaml", "--goldens", "goldens", "--format", "text", "--max-review-age", "180"));
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
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
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
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
