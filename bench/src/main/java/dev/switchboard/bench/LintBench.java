package dev.switchboard.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;

/**
 * Times {@link CatalogLoader#lint} (parse + validate, the code behind {@code switchboard lint} and the
 * server's reload) on folders of generated runbooks.
 *
 * <pre>
 * generate --out DIR --count N   write a corpus and exit
 * measure [--sizes 10,1000,10000] [--warmup 3] [--runs 5] [--min-warmup-ms 3000] [--reload true]   warm, in-process timings
 *                                (--reload: one CatalogLoader.reusingParses() per size, as the server reloads unchanged files)
 * once --runbooks DIR            one lint in this (fresh) JVM, as a key=value line for run-lint-bench.sh
 * breakdown --runbooks DIR [--min-warmup-ms 5000]   CPU per runbook of each parse phase, one thread
 * hotspots FILE.jfr [--top 25]   top frames of a JFR recording's execution samples
 * </pre>
 * All take {@code --repo DIR} (default {@code .}): ownership.yaml and runbooks/ are read from there.
 */
public final class LintBench {

	static final long SEED = 20261122L;

	private LintBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: LintBench generate|measure|once|breakdown|hotspots [options]; see the class Javadoc");
			System.exit(2);
		}
		Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
		Path repo = Path.of(options.getOrDefault("--repo", "."));
		switch (args[0]) {
			case "generate" -> {
				RunbookCorpus.Written w = corpus(repo).write(Path.of(options.get("--out")),
						Integer.parseInt(options.get("--count")));
				System.out.printf("files=%d generated=%d bytes=%d avg_kb=%.1f%n", w.files(), w.generated(), w.bytes(),
						w.bytes() / 1024.0 / w.files());
			}
			case "measure" -> measure(repo, options);
			case "once" -> once(repo, Path.of(options.get("--runbooks")));
			case "breakdown" -> PhaseBreakdown.print(repo, Path.of(options.get("--runbooks")),
					Long.parseLong(options.getOrDefault("--min-warmup-ms", "5000")));
			case "hotspots" -> JfrHotspots.print(Path.of(options.get("")), Integer.parseInt(options.getOrDefault("--top", "25")));
			default -> {
				System.err.println("unknown mode " + args[0]);
				System.exit(2);
			}
		}
	}

	private static RunbookCorpus corpus(Path repo) {
		CatalogLoader loader = new CatalogLoader();
		var ownership = loader.loadOwnership(repo.resolve("ownership.yaml")).ownership();
		return new RunbookCorpus(RunbookCorpus.Registry.of(ownership), repo.resolve("runbooks"), LocalDate.now(), SEED);
	}

	private static LintReport lint(Path repo, Path runbooks) {
		return lint(repo, runbooks, null);
	}

	/** With a {@code reusing} loader (the server's reload), else a fresh one (the CLI, a first load). */
	private static LintReport lint(Path repo, Path runbooks, CatalogLoader reusing) {
		return (reusing != null ? reusing : new CatalogLoader()).lint(runbooks, repo.resolve("ownership.yaml"),
				LintOptions.defaults());
	}

	private static void measure(Path repo, Map<String, String> options) throws Exception {
		int warmup = Integer.parseInt(options.getOrDefault("--warmup", "3"));
		int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
		long minWarmupMs = Long.parseLong(options.getOrDefault("--min-warmup-ms", "3000"));
		Path work = options.containsKey("--work") ? Path.of(options.get("--work")) : Files.createTempDirectory("lint-bench");
		System.out.printf("JVM: %s %s, %d cores, max heap %d MB, common pool parallelism %d, GC %s%n",
				System.getProperty("java.vm.name"), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				ForkJoinPool.commonPool().getParallelism(),
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
		boolean reload = Boolean.parseBoolean(options.getOrDefault("--reload", "false"));
		System.out.printf("%nWarm-up: at least %d runs and %d ms per size; then %d timed runs%n", warmup, minWarmupMs, runs);
		System.out.println(reload ? "Reload: one CatalogLoader.reusingParses() per size, so every run after the first re-reads and "
				+ "re-hashes each file and parses none (unchanged files), then runs all the rules\n"
				: "First load: a new CatalogLoader per run, every file parsed\n");
		System.out.println("| runbooks | corpus MB | errors | warnings | warmup runs | best ms | median ms | runbooks/s (best) "
				+ "| runbooks/s (median) | CPU ms/run | peak heap MB | GC ms/run |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		RunbookCorpus corpus = corpus(repo);
		boolean clean = true;
		String target = "";
		for (String s : options.getOrDefault("--sizes", "10,1000,10000").split(",")) {
			int n = Integer.parseInt(s.trim());
			RunbookCorpus.Written written = corpus.write(work.resolve("n" + n), n);
			Path dir = work.resolve("n" + n);
			CatalogLoader reusing = reload ? CatalogLoader.reusingParses() : null;
			LintReport first = lint(repo, dir, reusing);
			clean &= reportErrors(first);
			int warmed = 0;
			long warmStart = System.nanoTime();
			while (warmed < warmup || (System.nanoTime() - warmStart) / 1_000_000 < minWarmupMs) {
				lint(repo, dir, reusing);
				warmed++;
			}
			double[] ms = new double[runs];
			long peak = 0;
			long gcMs = 0;
			long cpuNs = 0;
			for (int i = 0; i < runs; i++) {
				System.gc();
				ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
				long gcBefore = gcMillis();
				long cpuBefore = cpuNanos();
				long t0 = System.nanoTime();
				lint(repo, dir, reusing);
				ms[i] = (System.nanoTime() - t0) / 1e6;
				cpuNs += cpuNanos() - cpuBefore;
				gcMs += gcMillis() - gcBefore;
				peak = Math.max(peak, heapPeakBytes());
			}
			Arrays.sort(ms);
			double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
			System.out.printf("| %,d | %.1f | %d | %d | %d | %.1f | %.1f | %,.0f | %,.0f | %.0f | %d | %.0f |%n",
					written.files(), written.bytes() / 1048576.0, first.errors(), first.warnings(), warmed, ms[0], median,
					written.files() / (ms[0] / 1000), written.files() / (median / 1000), cpuNs / 1e6 / runs, peak >> 20,
					(double) gcMs / runs);
			if (n == 10_000) {
				double cpuHalf = cpuNs / 1e6 / runs / 2;
				target = String.format("%nTarget (10,000 runbooks < 3 s on 2 cores)" + (reload ? ", reload of unchanged files" : "") + ": best wall %.2f s, CPU/2 %.2f s -> %s%n", ms[0] / 1000,
						cpuHalf / 1000, ms[0] < 3000 ? "met" : cpuHalf < 3000 ? "met on CPU/2 only (wall was contended)" : "MISSED");
			}
		}
		System.out.print(target);
		if (!clean) {
			System.err.println("lint found errors in the generated corpus: the numbers above time the error path");
			System.exit(1);
		}
	}

	private static void once(Path repo, Path runbooks) {
		long atMain = ManagementFactory.getRuntimeMXBean().getUptime();
		long t0 = System.nanoTime();
		LintReport report = lint(repo, runbooks);
		double lintMs = (System.nanoTime() - t0) / 1e6;
		System.out.printf("files=%d errors=%d warnings=%d jvm_ms_before_main=%d lint_ms=%.0f cpu_ms=%d peak_heap_mb=%d gc_ms=%d%n",
				report.filesChecked() - 1, report.errors(), report.warnings(), atMain, lintMs, cpuNanos() / 1_000_000,
				heapPeakBytes() >> 20, gcMillis());
		reportErrors(report);
	}

	private static boolean reportErrors(LintReport report) {
		if (report.errors() == 0) {
			return true;
		}
		report.findings().stream().filter(f -> f.isError()).limit(10).forEach(f -> System.err.println("  " + f));
		return false;
	}

	/** Sum of the heap pools' peak usage since the last reset: an upper bound of the heap in use at once. */
	static long heapPeakBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
	}

	/** CPU time of the whole process (all threads, JIT and GC included). */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
	}

	/** {@code --key value} pairs; a bare first argument is stored under the empty key. */
	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		List<String> rest = new ArrayList<>(List.of(args));
		if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
			options.put("", rest.remove(0));
		}
		for (int i = 0; i + 1 < rest.size(); i += 2) {
			options.put(rest.get(i), rest.get(i + 1));
		}
		return options;
	}
}
