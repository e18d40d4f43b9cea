package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;
import dev.switchboard.runbook.LintOptions;
import dev.switchboard.runbook.RunbookParser;

/**
 * Where one runbook's lint time goes, measured on one thread with the public pieces the parser is
 * built from: reading the file, the Flexmark parse alone, the front matter's YAML and schema check,
 * and the whole {@link RunbookParser#parse}. What {@code parse} costs beyond Flexmark and the front
 * matter is the step extraction (headings, choices, markers, actions, mentions, SHA-256).
 */
final class PhaseBreakdown {

	/** The extensions of {@code dev.switchboard.runbook.Markdown} (package-private there; keep in step). */
	private static final Parser FLEXMARK = Parser.builder(new MutableDataSet().set(Parser.EXTENSIONS,
			List.of(YamlFrontMatterExtension.create(), TablesExtension.create(), TaskListExtension.create()))).build();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final SchemaCheck FRONT_MATTER = SchemaCheck.load("runbook-front-matter.schema.json");

	private PhaseBreakdown() {
	}

	static void print(Path repo, Path dir, long minWarmupMs) {
		List<Path> files = files(dir);
		List<String> texts = files.stream().map(PhaseBreakdown::read).toList();
		List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
		RunbookParser parser = new RunbookParser();
		Path ownership = repo.resolve("ownership.yaml");
		List<Phase> phases = List.of(new Phase("read + decode file", i -> read(files.get(i))),
				new Phase("Flexmark parse only", i -> FLEXMARK.parse(texts.get(i))),
				new Phase("front matter: YAML tree + JSON Schema", i -> frontMatter(texts.get(i))),
				new Phase("RunbookParser.parse (all of the above but reading)", i -> parser.parse(names.get(i), names.get(i), texts.get(i))),
				new Phase("CatalogLoader.lint, whole folder, per runbook", null));
		System.out.printf("%n| phase (one thread, warm, %,d runbooks) | CPU µs per runbook | share of RunbookParser.parse |%n",
				files.size());
		System.out.println("|---|---:|---:|");
		double parse = measure(phases.get(3), texts.size(), minWarmupMs);
		for (Phase phase : phases) {
			double us;
			if (phase.work() == null) {
				CatalogLoader loader = new CatalogLoader();
				us = time(() -> loader.lint(dir, ownership, LintOptions.defaults()), minWarmupMs, true) / texts.size();
			}
			else {
				us = phase == phases.get(3) ? parse : measure(phase, texts.size(), minWarmupMs);
			}
			System.out.printf("| %s | %,.0f | %s |%n", phase.name(), us,
					phase.work() == null ? "(CPU of all threads / runbooks)" : String.format("%.0f %%", 100 * us / parse));
		}
		CatalogLoader loader = new CatalogLoader();
		System.out.printf("| CatalogLoader.loadOwnership: once per lint, not per runbook | %,.0f | |%n",
				time(() -> loader.loadOwnership(ownership), minWarmupMs, false));
	}

	private record Phase(String name, Consumer<Integer> work) {
	}

	private static double measure(Phase phase, int n, long minWarmupMs) {
		return time(() -> {
			for (int i = 0; i < n; i++) {
				phase.work().accept(i);
			}
		}, minWarmupMs, false) / n;
	}

	/**
	 * Best CPU microseconds of one run after warming for {@code minWarmupMs}: this thread's CPU for the
	 * one-thread phases (GC and JIT threads excluded), the whole process's for parallel work.
	 */
	private static double time(Runnable run, long minWarmupMs, boolean parallel) {
		long start = System.nanoTime();
		while ((System.nanoTime() - start) / 1_000_000 < minWarmupMs) {
			run.run();
		}
		double best = Double.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long cpu0 = parallel ? LintBench.cpuNanos() : THREADS.getCurrentThreadCpuTime();
			run.run();
			long cpu1 = parallel ? LintBench.cpuNanos() : THREADS.getCurrentThreadCpuTime();
			best = Math.min(best, (cpu1 - cpu0) / 1e3);
		}
		return best;
	}

	private static void frontMatter(String text) {
		int end = text.indexOf("\n---", 4);
		FindingSink sink = new FindingSink("bench");
		YamlTree tree = YamlTree.parse(text.substring(4, end + 1), 2, sink);
		FRONT_MATTER.check(tree, sink);
	}

	private static List<Path> files(Path dir) {
		try (Stream<Path> list = Files.list(dir)) {
			return list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
