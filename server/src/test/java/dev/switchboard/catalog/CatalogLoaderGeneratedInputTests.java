package dev.switchboard.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.LintReport;
import dev.switchboard.runbook.LintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.fail;

/**
 * Lint never breaks on what authors might save: generated markdown and randomly edited copies of
 * the shipped runbooks go through {@link CatalogLoader#lint}; no exception may escape, every
 * finding must point inside its file, and none may be the linter's own failure ({@code internal}).
 *
 * <p>Case {@code i} uses seed {@code base + i}. The base is fixed so that CI is repeatable; run
 * with {@code -Dswitchboard.generated.seed=<n>} (or {@code =random}) to explore other cases. A
 * failure prints the seed and the files it produced.
 */
class CatalogLoaderGeneratedInputTests {

	private static final long BASE_SEED = baseSeed();

	private static final int GENERATED_CASES = 200;

	private static final int EDITED_CASES = 100;

	private static final LintOptions OPTIONS = new LintOptions(LocalDate.of(2026, 11, 22), Duration.ofDays(180));

	private static final List<String> SHIPPED = List.of("ai-outage.md", "format-drift.md", "harmful-output.md",
			"model-deprecation.md");

	private final CatalogLoader loader = new CatalogLoader();

	@Test
	void lintSurvivesGeneratedMarkdown(@TempDir Path tmp) {
		run(tmp, "generated", GENERATED_CASES, GeneratedRunbooks::markdown);
	}

	@Test
	void lintSurvivesRandomEditsOfTheShippedRunbooks(@TempDir Path tmp) {
		Map<String, String> shipped = new LinkedHashMap<>();
		for (String name : SHIPPED) {
			shipped.put(name, read(CatalogLoaderTests.SHIPPED_RUNBOOKS.resolve(name)));
		}
		run(tmp, "edited", EDITED_CASES, random -> GeneratedRunbooks.mutated(random, shipped));
	}

	private void run(Path tmp, String kind, int cases, Function<Random, Map<String, String>> generator) {
		for (int i = 0; i < cases; i++) {
			long seed = BASE_SEED + i;
			Random random = new Random(seed);
			Map<String, String> files = generator.apply(random);
			Path dir = tmp.resolve(kind + "-" + i);
			Map<Path, byte[]> written = write(dir, files, random);
			check(seed, dir, written);
		}
	}

	private void check(long seed, Path dir, Map<Path, byte[]> written) {
		LintReport report;
		try {
			report = loader.lint(dir, CatalogLoaderTests.SHIPPED_OWNERSHIP, OPTIONS);
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new AssertionError(failure(seed, written, "lint threw " + ex), ex);
		}
		for (Finding finding : report.findings()) {
			Path file = Path.of(finding.file());
			int lines = lineCount(written.containsKey(file) ? written.get(file) : bytes(file));
			if ("internal".equals(finding.rule())) {
				fail(failure(seed, written, "the linter failed: " + finding));
			}
			if (finding.line() < 1 || finding.line() > lines + 1) {
				fail(failure(seed, written, "finding outside its file of " + lines + " lines: " + finding));
			}
		}
	}

	/** Writes the files as UTF-8; now and then one gets bytes that are not UTF-8 at all. */
	private static Map<Path, byte[]> write(Path dir, Map<String, String> files, Random random) {
		Map<Path, byte[]> written = new LinkedHashMap<>();
		try {
			Files.createDirectories(dir);
			for (Map.Entry<String, String> file : files.entrySet()) {
				byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
				if (random.nextInt(40) == 0 && bytes.length > 0) {
					bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x80));
				}
				Path path = dir.resolve(file.getKey());
				Files.write(path, bytes);
				written.put(path, bytes);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	/** Lines as an editor counts them: ended by LF, CRLF or a lone CR. */
	static int lineCount(byte[] bytes) {
		int lines = 1;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
				lines++;
			}
		}
		return lines;
	}

	private static String failure(long seed, Map<Path, byte[]> written, String problem) {
		StringBuilder out = new StringBuilder(problem).append("\nseed ")
			.append(seed)
			.append(" (base seed ")
			.append(BASE_SEED)
			.append("; rerun with -Dswitchboard.generated.seed=")
			.append(BASE_SEED)
			.append(")");
		written.forEach((path, bytes) -> {
			String text = visible(new String(bytes, StandardCharsets.UTF_8));
			out.append("\n----- ")
				.append(path.getFileName())
				.append(" -----\n")
				.append(text.length() > 4000 ? text.substring(0, 4000) + "\n[…]" : text);
		});
		return out.toString();
	}

	/** Control characters and invisible line breaks as {@code \\uXXXX}, so that a failure report stays readable. */
	private static String visible(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (c != '\n' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	private static long baseSeed() {
		String property = System.getProperty("switchboard.generated.seed", "20261122");
		return "random".equals(property) ? new Random().nextLong() : Long.parseLong(property);
	}

	private static String read(Path file) {
		return new String(bytes(file), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
