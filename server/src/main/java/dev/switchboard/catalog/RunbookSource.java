package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The runbook files of a folder: {@code *.md} at its top level, except README.md. */
final class RunbookSource {

	private RunbookSource() {
	}

	static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().endsWith(".md"))
				.filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).equals("readme.md"))
				.sorted()
				.toList();
		}
	}
}
