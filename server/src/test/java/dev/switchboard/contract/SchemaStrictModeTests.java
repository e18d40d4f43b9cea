package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published JSON Schemas compile everywhere an author's editor may load them: under
 * {@code ajv compile --strict=true} (draft 2020-12) and under the validator the server uses; and
 * every shipped sample names its schema in a {@code yaml-language-server} hint on its first YAML
 * line, and validates against the schema it names.
 */
class SchemaStrictModeTests {

	private static final Path SCHEMAS = CiTool.REPO.resolve("schema");

	private static final Pattern HINT = Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)$");

	static Stream<String> schemas() throws IOException {
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
				.sorted().toList();
			assertThat(names).containsExactly("drill-scenario.schema.json", "golden-set.schema.json", "ownership.schema.json",
					"runbook-front-matter.schema.json");
			return names.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("schemas")
	void compilesUnderAjvStrictMode(String name) throws Exception {
		CiTool.Run ajv = CiTool.npm("ajv").run(CiTool.REPO, "compile", "--spec=draft2020", "--strict=true", "-c",
				"ajv-formats", "-s", "schema/" + name);

		assertThat(ajv.exit()).as(ajv.output()).isZero();
		assertThat(ajv.output()).contains("schema schema/" + name + " is valid");
	}

	@ParameterizedTest
	@MethodSource("schemas")
	void compilesUnderTheServersValidator(String name) throws IOException {
		JsonNode text = JsonMapper.builder().build().readTree(SCHEMAS.resolve(name).toFile());
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
		schema.initializeValidators(); // resolves every $ref now, not at the first document
		assertThat(text.get("$id").asString()).endsWith("/schema/" + name);
	}

	static Stream<Path> samples() throws IOException {
		List<Path> samples = new ArrayList<>();
		samples.add(CiTool.REPO.resolve("ownership.yaml"));
		try (Stream<Path> runbooks = Files.list(CiTool.REPO.resolve("runbooks"));
				Stream<Path> drills = Files.list(CiTool.REPO.resolve("runbooks/drills"))) {
			runbooks.filter(p -> p.toString().endsWith(".md")).sorted().forEach(samples::add);
			drills.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(samples::add);
		}
		assertThat(samples).hasSizeGreaterThan(8);
		return samples.stream();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void everySampleNamesItsSchemaForEditorsAndValidatesAgainstIt(Path sample) throws IOException {
		List<String> lines = Files.readAllLines(sample);
		boolean markdown = sample.toString().endsWith(".md");
		// in a runbook the hint opens the front matter, right after its '---'
		String first = markdown ? lines.get(1) : lines.get(0);
		if (markdown) {
			assertThat(lines.get(0)).isEqualTo("---");
		}
		Matcher hint = HINT.matcher(first);
		assertThat(hint.matches()).as(sample + " line " + (markdown ? 2 : 1) + ": " + first).isTrue();
		Path schemaFile = sample.getParent().resolve(hint.group(1)).normalize();
		assertThat(schemaFile).as("the hint of " + sample).isRegularFile().startsWith(SCHEMAS);

		String yaml = markdown ? String.join("\n", lines.subList(1, lines.subList(1, lines.size()).indexOf("---") + 1))
				: String.join("\n", lines);
		JsonNode document = YAMLMapper.builder().build().readTree(yaml);
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(JsonMapper.builder().build().readTree(schemaFile.toFile()));
		assertThat(schema.validate(document)).as(sample.toString()).isEmpty();
	}
}
