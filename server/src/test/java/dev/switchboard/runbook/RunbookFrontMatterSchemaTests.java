package dev.switchboard.runbook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.YamlTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published {@code schema/runbook-front-matter.schema.json} (what authors' editors validate
 * with) agrees with lint: every shipped runbook passes it, every front matter defect fails it, and
 * the runbooks broken in other ways have front matter it accepts.
 */
class RunbookFrontMatterSchemaTests {

	private static final Path SCHEMA = Path.of("..", "schema", "runbook-front-matter.schema.json");

	private static final Path BROKEN = resource("/runbooks/broken");

	private static final Schema schema = load();

	private static Schema load() {
		try {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Stream<Path> shippedRunbooks() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("..", "runbooks"))) {
			return files.filter(f -> f.toString().endsWith(".md")).sorted().toList().stream();
		}
	}

	static Stream<Path> runbooksBrokenOutsideTheirFrontMatter() throws IOException {
		try (Stream<Path> files = Files.walk(BROKEN)) {
			return files.filter(f -> f.toString().endsWith(".md"))
				.filter(f -> !f.getParent().getFileName().toString().startsWith("front-matter-"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedRunbooks")
	void acceptsTheFrontMatterOfEveryShippedRunbook(Path runbook) throws IOException {
		assertThat(schema.validate(frontMatter(runbook))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "front-matter-missing", "front-matter-bad-severity", "front-matter-unknown-key",
			"front-matter-missing-field", "front-matter-bad-date" })
	void rejectsTheFrontMatterOfTheBrokenFrontMatterFixtures(String name) throws IOException {
		List<Error> errors = schema.validate(frontMatter(BROKEN.resolve(name).resolve(name + ".md")));

		assertThat(errors).as("schema errors for %s", name).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runbooksBrokenOutsideTheirFrontMatter")
	void acceptsTheFrontMatterOfRunbooksBrokenElsewhere(Path runbook) throws IOException {
		assertThat(schema.validate(frontMatter(runbook))).as(runbook.toString()).isEmpty();
	}

	/** A duplicate key or text that is not YAML never reaches a schema: the YAML reader reports it. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "front-matter-duplicate-key", "front-matter-yaml-syntax" })
	void leavesYamlLevelDefectsToTheYamlReader(String name) throws IOException {
		String text = Files.readString(BROKEN.resolve(name).resolve(name + ".md"));
		FindingSink sink = new FindingSink(name);

		YamlTree.parse(yamlOf(text), 2, sink);

		assertThat(sink.hasErrors()).isTrue();
	}

	/** The front matter as the schema sees it: a JSON tree, or JSON null when the file has none. */
	private static JsonNode frontMatter(Path runbook) throws IOException {
		// Latin-1 keeps every byte: one fixture is deliberately not UTF-8 (its front matter is ASCII).
		String text = Files.readString(runbook, StandardCharsets.ISO_8859_1);
		String yaml = yamlOf(text);
		if (yaml == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		FindingSink sink = new FindingSink(runbook.toString());
		YamlTree tree = YamlTree.parse(yaml, 2, sink);
		assertThat(sink.findings()).as("YAML of %s", runbook).isEmpty();
		return tree.root();
	}

	/** The text between the opening and closing {@code ---} lines, or null without front matter. */
	private static String yamlOf(String text) {
		String t = text.replace("\r\n", "\n");
		if (!t.startsWith("---\n")) {
			return null;
		}
		int close = t.indexOf("\n---\n", 3);
		return close < 0 ? null : t.substring(4, close + 1);
	}

	private static Path resource(String name) {
		try {
			return Path.of(RunbookFrontMatterSchemaTests.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
