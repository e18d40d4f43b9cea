package dev.switchboard.ownership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.switchboard.lint.FindingSink;

/**
 * The ownership files the tests read: the shipped {@code ownership.yaml}, and the fixtures under
 * {@code src/test/resources/ownership/}. Each file in {@code broken/} declares what it breaks in
 * its header comments: {@code # expect: <line> <rule>} (one or more) and {@code # schema: rejects},
 * {@code accepts} or {@code unparsable} (whether the JSON Schema alone sees the defect).
 */
final class OwnershipFixtures {

	/** The shipped file, relative to the server module (the tests' working directory). */
	static final Path SHIPPED = Path.of("..", "ownership.yaml");

	/** The published schema the shipped file names in its {@code yaml-language-server} header. */
	static final Path SCHEMA = Path.of("..", "schema", "ownership.schema.json");

	private static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (\\d+) ([a-z-]+)\\s*$");

	private static final Pattern SCHEMA_VERDICT = Pattern.compile("(?m)^# schema: (rejects|accepts|unparsable)\\s*$");

	private OwnershipFixtures() {
	}

	static Path resource(String name) {
		URL url = OwnershipFixtures.class.getClassLoader().getResource("ownership/" + name);
		if (url == null) {
			throw new IllegalStateException("no test resource ownership/" + name);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** File names in {@code broken/}, sorted, so that a new fixture is a new test case. */
	static Stream<String> brokenFiles() {
		try (Stream<Path> files = Files.list(resource("broken"))) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String broken(String name) {
		return read(resource("broken/" + name));
	}

	/** The {@code "<line> <rule>"} pairs a fixture declares. */
	static Set<String> expectations(String text) {
		Set<String> out = new LinkedHashSet<>();
		Matcher m = EXPECT.matcher(text);
		while (m.find()) {
			out.add(m.group(1) + " " + m.group(2));
		}
		return out;
	}

	/** {@code rejects}, {@code accepts} or {@code unparsable}; null when the fixture does not say. */
	static String schemaVerdict(String text) {
		Matcher m = SCHEMA_VERDICT.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	static OwnershipLoader.Loaded parse(String text, String name) {
		return new OwnershipLoader().parse(text, new FindingSink(name));
	}
}
