package dev.switchboard.golden;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.NearestNames;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;
import tools.jackson.databind.JsonNode;

/**
 * Reads one golden file and applies every rule with {@code file:line}: the schema ({@code schema/golden-set.schema.json}),
 * an unknown service or one with no route, a JSON Schema that does not compile, a regex that does not compile,
 * duplicate case ids, and checks that can never pass (fewer cases than {@code pass_at_least}, {@code contains} and
 * {@code not-contains} of the same text, a content check its own reference answer fails).
 */
final class GoldenParser {

	private static final SchemaCheck SCHEMA = SchemaCheck.load("golden-set.schema.json");

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	/** The 2020-12 meta-schema (bundled with the validator): a schema that fails it does not compile. */
	private static final Schema META = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

	/** @param services service id → its route (null when it has none) */
	GoldenSet parse(String text, Map<String, String> services, FindingSink sink) {
		YamlTree tree = YamlTree.parse(text, 1, sink);
		if (tree == null || sink.hasErrors()) {
			return null;
		}
		if (!tree.root().isObject()) {
			sink.error(1, "invalid-value", "a golden set is a mapping with service, pass_at_least and cases");
			return null;
		}
		SCHEMA.check(tree, sink);
		JsonNode root = tree.root();
		JsonNode cases = root.path("cases");
		if (cases.isArray() && cases.isEmpty()) {
			sink.error(tree.keyLineOf("/cases"), "empty-set", "the set has no cases: it would check nothing");
		}
		if (sink.hasErrors()) {
			return null;
		}
		String service = root.path("service").asString();
		if (!services.containsKey(service)) {
			sink.error(tree.lineOf("/service"), "unknown-service", "unknown service '" + service + "'"
					+ NearestNames.hint(service, services.keySet()));
		}
		else if (services.get(service) == null) {
			sink.error(tree.lineOf("/service"), "no-route", "service '" + service + "' has no gateway route to check");
		}
		int passAtLeast = root.path("pass_at_least").asInt();
		if (passAtLeast > cases.size()) {
			sink.error(tree.lineOf("/pass_at_least"), "never-passes", "pass_at_least is " + passAtLeast + " but the set has "
					+ cases.size() + " case(s): it can never pass");
		}
		Duration timeout = root.has("timeout") ? duration(root.get("timeout"), tree.lineOf("/timeout"), sink) : null;
		List<GoldenCase> parsed = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < cases.size(); i++) {
			String at = "/cases/" + i;
			JsonNode c = cases.get(i);
			String id = c.path("id").asString();
			if (!ids.add(id)) {
				sink.error(tree.lineOf(at + "/id"), "duplicate-case", "case id '" + id + "' is used twice");
			}
			List<Assertion> assertions = assertions(tree, at, sink);
			GoldenCase golden = new GoldenCase(id, tree.lineOf(at), c.get("messages"), c.get("response_format"),
					c.get("tools"), c.path("reference").asString(), assertions);
			neverPasses(golden, tree, at, sink);
			parsed.add(golden);
		}
		Integer maxTokens = root.has("max_tokens") ? root.get("max_tokens").asInt() : null;
		return sink.hasErrors() ? null : new GoldenSet(service, sink.file(), Fingerprint.of("golden-set", text).substring(0, 12),
				passAtLeast, maxTokens, timeout, parsed);
	}

	private static List<Assertion> assertions(YamlTree tree, String at, FindingSink sink) {
		List<Assertion> out = new ArrayList<>();
		JsonNode list = tree.root().at(at + "/assert");
		for (int j = 0; j < list.size(); j++) {
			String ptr = at + "/assert/" + j;
			JsonNode a = list.get(j);
			int line = tree.lineOf(ptr);
			String path = a.has("path") ? a.get("path").asString() : null;
			JsonNode value = a.get("value");
			String type = a.path("type").asString();
			Assertion parsed = switch (type) {
				case "is-json" -> new Assertion.IsJson(line, value == null ? null : schema(value, tree.lineOf(ptr + "/value"), sink));
				case "equals" -> value == null ? missing(sink, line, type, "value") : new Assertion.Equals(line, path, value);
				case "one-of" -> value == null || !value.isArray() || value.isEmpty()
						? never(sink, line, "one-of needs a non-empty list as value")
						: new Assertion.OneOf(line, path, value.valueStream().toList());
				case "contains", "icontains", "not-contains", "not-icontains" -> value == null || !value.isString()
						|| value.asString().isEmpty() ? missing(sink, line, type, "text value")
						: new Assertion.Contains(line, path, value.asString(), type.contains("icontains"), type.startsWith("not-"));
				case "regex" -> value == null || !value.isString() ? missing(sink, line, type, "pattern as value")
						: regex(line, path, value.asString(), tree.lineOf(ptr + "/value"), sink);
				case "within" -> within(a, line, path, sink);
				case "latency" -> a.has("threshold") ? new Assertion.Latency(line, a.get("threshold").asLong())
						: missing(sink, line, type, "threshold (milliseconds)");
				case "max-tokens" -> a.has("threshold") ? new Assertion.MaxTokens(line, a.get("threshold").asInt())
						: missing(sink, line, type, "threshold (tokens)");
				default -> null; // the schema reported it
			};
			if (parsed != null) {
				out.add(parsed);
			}
		}
		return out;
	}

	/** Checks that can never pass: contradictions within the case, and content checks its own reference fails. */
	private static void neverPasses(GoldenCase c, YamlTree tree, String at, FindingSink sink) {
		for (Assertion a : c.assertions()) {
			if (a instanceof Assertion.Contains positive && !positive.negated()) {
				for (Assertion b : c.assertions()) {
					if (b instanceof Assertion.Contains negative && negative.negated()
							&& java.util.Objects.equals(positive.path(), negative.path())
							&& (negative.ignoreCase() ? positive.text().toLowerCase(java.util.Locale.ROOT)
								.contains(negative.text().toLowerCase(java.util.Locale.ROOT)) : positive.text().contains(negative.text()))) {
						sink.error(b.line(), "never-passes", "case '" + c.id() + "': " + b.type() + " '" + negative.text()
								+ "' contradicts " + a.type() + " '" + positive.text() + "' (line " + a.line() + "): it can never pass");
					}
				}
			}
		}
		if (sink.hasErrors()) {
			return;
		}
		Answer reference = Answer.reference(c.reference());
		for (Assertion a : c.assertions()) {
			if (a.onContent()) {
				a.judge(reference).ifPresent(why -> sink.error(a.line(), "reference-fails", "case '" + c.id() + "': "
						+ a.type() + " fails on the case's own reference answer (" + why + "): fix the check or the reference"));
			}
		}
	}

	private static Schema schema(JsonNode value, int line, FindingSink sink) {
		List<Error> problems = META.validate(value);
		if (!problems.isEmpty()) {
			sink.error(line, "bad-schema", "this JSON Schema does not compile: " + problems.get(0).toString());
			return null;
		}
		try {
			return REGISTRY.getSchema(value);
		}
		catch (RuntimeException ex) {
			sink.error(line, "bad-schema", "this JSON Schema does not compile: " + ex.getMessage());
			return null;
		}
	}

	private static Assertion regex(int line, String path, String pattern, int valueLine, FindingSink sink) {
		try {
			return new Assertion.Regex(line, path, Pattern.compile(pattern));
		}
		catch (PatternSyntaxException ex) {
			sink.error(valueLine, "bad-regex", "regex does not compile: " + ex.getDescription() + " near index " + ex.getIndex());
			return null;
		}
	}

	private static Assertion within(JsonNode a, int line, String path, FindingSink sink) {
		JsonNode value = a.get("value");
		if (value == null || Assertion.number(value).isEmpty()) {
			return missing(sink, line, "within", "number as value");
		}
		BigDecimal tolerance = a.has("tolerance") ? a.get("tolerance").decimalValue() : BigDecimal.ZERO;
		return new Assertion.Within(line, path, Assertion.number(value).get(), tolerance);
	}

	private static Assertion missing(FindingSink sink, int line, String type, String what) {
		sink.error(line, "missing-field", type + " needs a " + what);
		return null;
	}

	private static Assertion never(FindingSink sink, int line, String message) {
		sink.error(line, "never-passes", message + ": it can never pass");
		return null;
	}

	private static Duration duration(JsonNode node, int line, FindingSink sink) {
		String text = node.asString().strip().toLowerCase(java.util.Locale.ROOT);
		try {
			if (node.isNumber() || text.matches("\\d+")) {
				return Duration.ofSeconds(Long.parseLong(text));
			}
			if (text.matches("\\d+(ms|s|m)")) {
				return Duration.parse(text.endsWith("ms") ? "PT" + (Double.parseDouble(text.replace("ms", "")) / 1000) + "S"
						: "PT" + text.toUpperCase(java.util.Locale.ROOT));
			}
		}
		catch (RuntimeException ex) {
			// reported below
		}
		sink.error(line, "invalid-value", "timeout '" + node.asString() + "' is not a duration (20s, 1m, 500ms, or seconds)");
		return null;
	}
}
