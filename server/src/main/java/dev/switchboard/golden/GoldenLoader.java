package dev.switchboard.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.LintReport;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;

/**
 * Reads and checks every {@code *.yaml} of a goldens folder: the one implementation of the golden lint rules,
 * run by {@code switchboard lint} and by the server's reload ({@link GoldenSets}). A file that cannot be read
 * or parsed becomes a finding, never an exception. A missing folder is no golden sets, not an error.
 */
public final class GoldenLoader {

	/** One file after the rules ran: its set (null when it has errors) and its findings. */
	public record CheckedFile(String file, GoldenSet set, List<Finding> findings) {
	}

	private final GoldenParser parser = new GoldenParser();

	/** Every file of {@code dir} in name order, checked against the services of {@code ownership}. */
	public List<CheckedFile> check(Path dir, Ownership ownership) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		Map<String, String> services = new HashMap<>();
		for (Service s : ownership.services()) {
			services.put(s.id(), s.route());
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of(new CheckedFile(dir.toString(), null,
					List.of(Finding.error(dir.toString(), 1, "unreadable", "cannot list the goldens folder: " + ex))));
		}
		List<CheckedFile> checked = new ArrayList<>();
		Map<String, String> fileOfService = new LinkedHashMap<>();
		for (Path path : files) {
			String display = path.toString();
			FindingSink sink = new FindingSink(display);
			GoldenSet set = null;
			try {
				set = parser.parse(Files.readString(path, StandardCharsets.UTF_8), services, sink);
			}
			catch (IOException ex) {
				sink.error(1, "unreadable", "cannot read the file: " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				sink.error(1, "internal", "the linter failed on this file (" + ex + "); please report it with the file attached");
			}
			if (set != null) {
				String other = fileOfService.putIfAbsent(set.service(), display);
				if (other != null) {
					sink.error(1, "duplicate-service", "service '" + set.service() + "' already has a golden set in " + other);
					set = null;
				}
				else if (!path.getFileName().toString().startsWith(set.service() + ".")) {
					sink.warning(1, "file-name", "the set of '" + set.service() + "' is easier to find as " + set.service() + ".yaml");
				}
			}
			checked.add(new CheckedFile(display, set, sink.findings()));
		}
		return checked;
	}

	/** The lint of a goldens folder, as {@code switchboard lint} prints it. */
	public LintReport lint(Path dir, Ownership ownership) {
		List<CheckedFile> files = check(dir, ownership);
		return LintReport.of(files.stream().flatMap(f -> f.findings().stream()).toList(), files.size());
	}
}
