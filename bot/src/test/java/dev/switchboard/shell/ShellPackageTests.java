package dev.switchboard.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal is a renderer and a command mapping, nothing more: it talks to the conversation
 * (and reads the catalog and system settings), never to the incident engine's services, stores or
 * the database. Checked on the sources, so a new import shows up here.
 */
class ShellPackageTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/switchboard/shell");

	private static final Pattern SWITCHBOARD_TYPE = Pattern.compile("\\bdev\\.switchboard\\.([a-z.]+)\\.([A-Z]\\w*)");

	private static final List<String> OPEN_PACKAGES = List.of("conversation", "catalog", "system", "shell");

	@Test
	void dependsOnlyOnConversationCatalogSystemAndApiValueTypes() throws Exception {
		Set<String> used = new TreeSet<>();
		for (String source : sources()) {
			Matcher m = SWITCHBOARD_TYPE.matcher(source);
			while (m.find()) {
				used.add(m.group(1) + "." + m.group(2));
			}
		}
		assertThat(used).as("switchboard types the shell uses").isNotEmpty().contains("conversation.Conversation");

		for (String type : used) {
			String pkg = type.substring(0, type.lastIndexOf('.'));
			if (OPEN_PACKAGES.contains(pkg)) {
				continue;
			}
			assertThat(pkg).as(type + ": only the root (API) package of a feature").doesNotContain(".");
			Class<?> cls = Class.forName("dev.switchboard." + type);
			assertThat(AnnotatedElementUtils.hasAnnotation(cls, Component.class))
				.as(type + " is a service of another feature; go through the conversation instead")
				.isFalse();
		}
	}

	@Test
	void neverTouchesTheDatabaseOrTransactions() throws IOException {
		for (String source : sources()) {
			assertThat(source).doesNotContain("java.sql", "javax.sql", "org.springframework.jdbc",
					"org.springframework.transaction", "dev.switchboard.incident.internal", ".web.");
		}
	}

	private static List<String> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
			assertThat(java).as("shell sources under " + SOURCES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(4);
			return java.stream().map(ShellPackageTests::read).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
