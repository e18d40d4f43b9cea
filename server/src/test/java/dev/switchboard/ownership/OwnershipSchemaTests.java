package dev.switchboard.ownership;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.lint.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The published JSON Schema (what authors' editors check) against the loader. YAML is read here
 * with Jackson's YAML mapper, not the loader's reader, so that the two paths agree independently.
 */
class OwnershipSchemaTests {

	/** Rules the schema alone decides; a fixture reporting one of them must be rejected by the schema. */
	private static final Set<String> STRUCTURAL = Set.of("unknown-key", "missing-field", "invalid-value");

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(OwnershipFixtures.read(OwnershipFixtures.SCHEMA));

	private static final YAMLMapper YAML = new YAMLMapper();

	private static JsonNode yaml(String text) {
		JsonNode node = YAML.readTree(text);
		return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
	}

	static Stream<String> brokenFiles() {
		return OwnershipFixtures.brokenFiles();
	}

	static Stream<String> rejectedFiles() {
		return brokenFiles().filter(n -> "rejects".equals(OwnershipFixtures.schemaVerdict(OwnershipFixtures.broken(n))));
	}

	static Stream<String> acceptedFiles() {
		return brokenFiles().filter(n -> "accepts".equals(OwnershipFixtures.schemaVerdict(OwnershipFixtures.broken(n))));
	}

	static Stream<String> unparsableFiles() {
		return brokenFiles().filter(n -> "unparsable".equals(OwnershipFixtures.schemaVerdict(OwnershipFixtures.broken(n))));
	}

	@Test
	void acceptsTheShippedOwnershipFile() {
		List<Error> errors = SCHEMA.validate(yaml(OwnershipFixtures.read(OwnershipFixtures.SHIPPED)));

		assertThat(errors).isEmpty();
	}

	@Test
	void acceptsTheTestRegistries() {
		assertThat(SCHEMA.validate(yaml(OwnershipFixtures.read(OwnershipFixtures.resource("minimal.yaml"))))).isEmpty();
		assertThat(SCHEMA.validate(yaml(OwnershipFixtures.read(OwnershipFixtures.resource("registry.yaml"))))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFiles")
	void knowsWhetherTheSchemaSeesEachBrokenFile(String name) {
		String text = OwnershipFixtures.broken(name);
		String verdict = OwnershipFixtures.schemaVerdict(text);

		assertThat(verdict).as("%s must say '# schema: rejects', 'accepts' or 'unparsable'", name).isNotNull();
		if (OwnershipFixtures.expectations(text).stream().anyMatch(e -> e.endsWith(" unknown-key") || e.endsWith(" missing-field"))) {
			assertThat(verdict).as("%s: unknown keys and missing fields are the schema's to find", name).isEqualTo("rejects");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedFiles")
	void rejectsEveryFileTheLoaderFindsStructurallyBroken(String name) {
		String text = OwnershipFixtures.broken(name);
		List<Finding> findings = OwnershipFixtures.parse(text, name).findings();

		assertThat(findings).as("%s: the loader's findings", name).isNotEmpty().allMatch(f -> STRUCTURAL.contains(f.rule()));
		assertThat(SCHEMA.validate(yaml(text))).as("%s: the schema's errors", name).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedFiles")
	void acceptsEveryFileWhoseOnlyDefectIsBeyondTheSchema(String name) {
		String text = OwnershipFixtures.broken(name);

		assertThat(SCHEMA.validate(yaml(text))).as(name).isEmpty();
		Set<String> rules = OwnershipFixtures.parse(text, name).findings().stream().map(Finding::rule).collect(Collectors.toSet());
		assertThat(rules).as("%s: only checks a schema cannot express", name).doesNotContain("unknown-key", "missing-field");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unparsableFiles")
	void failsToReadEveryFileTheLoaderCannotParse(String name) {
		String text = OwnershipFixtures.broken(name);

		assertThat(OwnershipFixtures.parse(text, name).findings()).extracting(Finding::rule).containsOnly("yaml-syntax");
		assertThatExceptionOfType(JacksonException.class).as(name).isThrownBy(() -> YAML.readTree(text));
	}
}
