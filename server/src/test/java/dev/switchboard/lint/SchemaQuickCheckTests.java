package dev.switchboard.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchemaQuickCheck} may only skip the full validator when the full validator would find
 * nothing: "valid" must imply no networknt error, "invalid" must imply some. Checked on every
 * document the repository ships or tests with, and on thousands of random mutations of them.
 */
class SchemaQuickCheckTests {

	private static final Path SCHEMAS = Path.of("..", "schema");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	@ParameterizedTest
	@ValueSource(strings = { "runbook-front-matter.schema.json", "ownership.schema.json", "drill-scenario.schema.json" })
	void readsEverySchemaAsJacksonDoes(String name) throws IOException {
		String text = Files.readString(SCHEMAS.resolve(name));
		FindingSink sink = new FindingSink(name);

		YamlTree tree = YamlTree.parse(text, 1, sink);

		assertThat(sink.findings()).isEmpty();
		// same text: YamlTree makes every integer a BigInteger node, Jackson an int node
		assertThat(tree.root().toString()).isEqualTo(JsonMapper.builder().build().readTree(text).toString());
	}

	@Test
	void passesEveryShippedDocumentWithoutTheFullValidator() throws IOException {
		for (Doc doc : docs(Path.of(".."), false)) {
			if (full(doc.schema).validate(doc.tree).isEmpty()) {
				assertThat(quick(doc.schema).check(doc.tree)).as(doc.file.toString()).isEqualTo(SchemaQuickCheck.Result.VALID);
			}
		}
	}

	@Test
	void agreesWithTheFullValidatorOnTestDocumentsAndRandomMutations() throws IOException {
		List<Doc> docs = new ArrayList<>(docs(Path.of(".."), false));
		docs.addAll(docs(Path.of("src", "test", "resources"), true));
		assertThat(docs).hasSizeGreaterThan(40);
		Random random = new Random(20261122L);
		int quickValid = 0;
		for (Doc doc : docs) {
			agree(doc.schema, doc.tree, doc.file + " as is");
			for (int i = 0; i < 60; i++) {
				JsonNode mutated = doc.tree.deepCopy();
				String what = mutate(mutated, random);
				if (what != null) {
					quickValid += agree(doc.schema, mutated, doc.file + " " + what) ? 1 : 0;
				}
			}
		}
		// the mutations must leave a good share valid, or the test would not exercise "valid"
		assertThat(quickValid).isGreaterThan(200);
	}

	private static boolean agree(String schema, JsonNode tree, String what) {
		SchemaQuickCheck.Result quick = quick(schema).check(tree);
		boolean fullValid = full(schema).validate(tree).isEmpty();
		if (quick == SchemaQuickCheck.Result.VALID) {
			assertThat(fullValid).as("quick says valid, networknt does not: %s %s", what, tree).isTrue();
		}
		if (quick == SchemaQuickCheck.Result.INVALID) {
			assertThat(fullValid).as("quick says invalid, networknt does not: %s %s", what, tree).isFalse();
		}
		return quick == SchemaQuickCheck.Result.VALID;
	}

	private static final java.util.Map<String, SchemaQuickCheck> QUICK = new java.util.HashMap<>();

	private static final java.util.Map<String, Schema> FULL = new java.util.HashMap<>();

	private static SchemaQuickCheck quick(String schema) {
		return QUICK.computeIfAbsent(schema, s -> new SchemaQuickCheck(read(SCHEMAS.resolve(s))));
	}

	private static Schema full(String schema) {
		return FULL.computeIfAbsent(schema, s -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(read(SCHEMAS.resolve(s))));
	}

	private static JsonNode read(Path file) {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One YAML document of the repository and the schema it follows. */
	private record Doc(Path file, String schema, JsonNode tree) {
	}

	private static List<Doc> docs(Path root, boolean tests) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile)
				.filter(p -> !p.toString().contains("target") && !p.toString().contains(".git")
						&& !p.toString().contains("node_modules"))
				.filter(p -> tests || p.startsWith(Path.of("..", "runbooks")) || p.equals(Path.of("..", "ownership.yaml")))
				.sorted()
				.toList();
		}
		List<Doc> docs = new ArrayList<>();
		for (Path file : files) {
			String name = file.getFileName().toString();
			String schema;
			String yaml;
			String text;
			try {
				text = Files.readString(file);
			}
			catch (IOException ex) {
				continue; // not UTF-8: a fixture of its own
			}
			if (name.endsWith(".md")) {
				schema = "runbook-front-matter.schema.json";
				int end = text.indexOf("\n---", 3);
				if (!text.startsWith("---\n") || end < 0) {
					continue;
				}
				yaml = text.substring(4, end + 1);
			}
			else if (name.endsWith(".yaml") && file.toString().contains("drills")) {
				schema = "drill-scenario.schema.json";
				yaml = text;
			}
			else if (name.endsWith(".yaml") && (file.toString().contains("ownership") || name.equals("ownership.yaml"))) {
				schema = "ownership.schema.json";
				yaml = text;
			}
			else {
				continue;
			}
			YamlTree tree = YamlTree.parse(yaml, 1, new FindingSink(name));
			if (tree != null) {
				docs.add(new Doc(file, schema, tree.root()));
			}
		}
		return docs;
	}

	/** Replaces, removes or adds one value somewhere in the tree; returns what it did, or null. */
	private static String mutate(JsonNode root, Random random) {
		List<JsonNode> containers = new ArrayList<>();
		collect(root, containers);
		if (containers.isEmpty()) {
			return null;
		}
		JsonNode container = containers.get(random.nextInt(containers.size()));
		JsonNode replacement = replacement(random, container);
		if (container instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			int op = random.nextInt(10);
			if (names.isEmpty() || op == 0) {
				object.set("unknown_" + random.nextInt(3), replacement);
				return "added a key";
			}
			String name = names.get(random.nextInt(names.size()));
			if (op == 1) {
				object.remove(name);
				return "removed " + name;
			}
			object.set(name, replacement);
			return "set " + name + " to " + replacement;
		}
		ArrayNode array = (ArrayNode) container;
		if (array.isEmpty() || random.nextInt(8) == 0) {
			array.add(replacement);
			return "appended " + replacement;
		}
		int i = random.nextInt(array.size());
		if (random.nextInt(6) == 0) {
			array.remove(i);
			return "removed item " + i;
		}
		array.set(i, replacement);
		return "set item " + i + " to " + replacement;
	}

	private static void collect(JsonNode node, List<JsonNode> out) {
		if (node.isObject() || node.isArray()) {
			out.add(node);
			for (JsonNode child : node.values()) {
				collect(child, out);
			}
		}
	}

	private static JsonNode replacement(Random random, JsonNode near) {
		List<JsonNode> values = new ArrayList<>(List.of(JSON.stringNode("x"), JSON.stringNode(""),
				JSON.stringNode("Bad Id"), JSON.stringNode("ok-id\n"), JSON.stringNode("a\u2028b"),
				JSON.stringNode("2026-02-30"), JSON.stringNode("2026-11-02"), JSON.stringNode("sev9"),
				JSON.stringNode("sev2"), JSON.stringNode("\uD83D\uDE00"), JSON.stringNode("x".repeat(301)),
				JSON.stringNode("1d"), JSON.stringNode("2w"), JSON.stringNode("ai-outage"), JSON.numberNode(1),
				JSON.numberNode(0), JSON.numberNode(-3), JSON.numberNode(1.0), JSON.numberNode(2.5),
				JSON.numberNode(new java.math.BigInteger("99999999999999999999")), JSON.booleanNode(true), JSON.nullNode(),
				JSON.arrayNode(), JSON.objectNode(), JSON.arrayNode().add("x")));
		// also a value taken from elsewhere in the same document, so that many mutations stay valid
		List<JsonNode> local = new ArrayList<>();
		collectAll(near, local);
		if (!local.isEmpty() && random.nextBoolean()) {
			return local.get(random.nextInt(local.size())).deepCopy();
		}
		return values.get(random.nextInt(values.size()));
	}

	private static void collectAll(JsonNode node, List<JsonNode> out) {
		for (JsonNode child : node.values()) {
			out.add(child);
			collectAll(child, out);
		}
	}
}
