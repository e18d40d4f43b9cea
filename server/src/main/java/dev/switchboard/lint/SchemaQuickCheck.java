package dev.switchboard.lint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A conservative JSON Schema check that only ever answers "certainly valid" or "not sure", for the
 * keywords our three schemas use. {@link SchemaCheck} asks it first and hands anything it is not sure
 * about to the full validator (networknt), which words the findings.
 *
 * <p>Why: networknt and the Jackson {@code ObjectMapper} it builds load about 700 classes and cost
 * more than a second of CPU in a fresh JVM, while every runbook and ownership file of a clean CI
 * run is valid. So a clean {@code switchboard lint} never loads them, and a file with a defect gets
 * exactly the findings it got before.
 *
 * <p>The rule that keeps that true: {@link Result#VALID} is returned only when every keyword is
 * satisfied under the strictest reading of the specification (e.g. a pattern must match and the
 * string must hold no line break, where regex dialects differ; {@code format: date} must be an ISO
 * date whether or not the full validator asserts formats). Any keyword it does not know makes the
 * answer {@link Result#UNSURE}. {@link Result#INVALID} is given only by {@code type} and
 * {@code required}, whose outcome is unambiguous, so that {@code oneOf} can be decided.
 */
final class SchemaQuickCheck {

	enum Result {
		VALID, INVALID, UNSURE;

		Result and(Result other) {
			if (this == INVALID || other == INVALID) {
				return INVALID;
			}
			return this == UNSURE || other == UNSURE ? UNSURE : VALID;
		}
	}

	/** Keywords that never affect validity. */
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
			"examples", "default");

	private final JsonNode root;

	/** Compiled {@code pattern} keywords; filled lazily, shared across threads. */
	private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

	SchemaQuickCheck(JsonNode root) {
		this.root = root;
	}

	Result check(JsonNode instance) {
		return check(root, instance, 0);
	}

	private Result check(JsonNode schema, JsonNode node, int depth) {
		if (depth > 64) {
			return Result.UNSURE;
		}
		if (schema.isBoolean()) {
			return schema.booleanValue() ? Result.VALID : Result.UNSURE;
		}
		if (!schema.isObject()) {
			return Result.UNSURE;
		}
		Result result = Result.VALID;
		for (String keyword : schema.propertyNames()) {
			if (ANNOTATIONS.contains(keyword)) {
				continue;
			}
			JsonNode value = schema.get(keyword);
			Result r = switch (keyword) {
				case "type" -> type(value, node);
				case "required" -> required(value, node);
				case "properties" -> properties(schema, node, depth);
				case "additionalProperties" -> schema.has("properties") ? Result.VALID : properties(schema, node, depth);
				case "items" -> items(value, node, depth);
				case "minItems" -> !node.isArray() || node.size() >= value.asInt() ? Result.VALID : Result.UNSURE;
				case "enum" -> enumeration(value, node);
				case "pattern" -> pattern(value, node);
				case "minLength", "maxLength" -> length(keyword, value, node);
				case "minimum", "maximum" -> bound(keyword, value, node);
				case "format" -> format(value, node);
				case "$ref" -> ref(value, node, depth);
				case "anyOf" -> anyOf(value, node, depth);
				case "oneOf" -> oneOf(value, node, depth);
				default -> Result.UNSURE;
			};
			result = result.and(r);
			if (result == Result.INVALID) {
				return result;
			}
		}
		return result;
	}

	private static Result type(JsonNode type, JsonNode node) {
		if (type.isString()) {
			return hasType(type.asString(), node);
		}
		if (!type.isArray()) {
			return Result.UNSURE;
		}
		Result best = Result.INVALID;
		for (JsonNode t : type.values()) {
			Result r = hasType(t.asString(), node);
			if (r == Result.VALID) {
				return r;
			}
			if (r == Result.UNSURE) {
				best = r;
			}
		}
		return best;
	}

	private static Result hasType(String type, JsonNode node) {
		if (type.equals("integer") && node.isNumber() && !node.isIntegralNumber()) {
			// 1.0 is an integer to the specification but not to every validator's configuration
			return Result.UNSURE;
		}
		Boolean is = switch (type) {
			case "object" -> node.isObject();
			case "array" -> node.isArray();
			case "string" -> node.isString();
			case "boolean" -> node.isBoolean();
			case "null" -> node.isNull();
			case "number" -> node.isNumber();
			case "integer" -> node.isIntegralNumber();
			default -> null;
		};
		if (is == null) {
			return Result.UNSURE;
		}
		return is ? Result.VALID : Result.INVALID;
	}

	private static Result required(JsonNode required, JsonNode node) {
		if (!node.isObject()) {
			return Result.VALID;
		}
		for (JsonNode name : required.values()) {
			if (!node.has(name.asString())) {
				return Result.INVALID;
			}
		}
		return Result.VALID;
	}

	/** {@code properties} and {@code additionalProperties} together (the latter depends on the former). */
	private Result properties(JsonNode schema, JsonNode node, int depth) {
		if (!node.isObject()) {
			return Result.VALID;
		}
		if (schema.has("patternProperties")) {
			return Result.UNSURE;
		}
		JsonNode properties = schema.get("properties");
		JsonNode additional = schema.get("additionalProperties");
		Result result = Result.VALID;
		for (String name : node.propertyNames()) {
			JsonNode sub = properties == null ? null : properties.get(name);
			if (sub == null) {
				sub = additional;
			}
			if (sub != null) {
				result = result.and(check(sub, node.get(name), depth + 1));
				if (result == Result.INVALID) {
					// the property's own invalidity is not the object's "required"/"type" verdict
					return Result.UNSURE;
				}
			}
		}
		return result;
	}

	private Result items(JsonNode items, JsonNode node, int depth) {
		if (!node.isArray()) {
			return Result.VALID;
		}
		if (!items.isObject() && !items.isBoolean()) {
			return Result.UNSURE;
		}
		for (JsonNode item : node.values()) {
			if (check(items, item, depth + 1) != Result.VALID) {
				return Result.UNSURE;
			}
		}
		return Result.VALID;
	}

	private static Result enumeration(JsonNode values, JsonNode node) {
		if (!node.isString()) {
			return Result.UNSURE;
		}
		for (JsonNode value : values.values()) {
			if (value.isString() && value.asString().equals(node.asString())) {
				return Result.VALID;
			}
		}
		return Result.UNSURE;
	}

	private Result pattern(JsonNode pattern, JsonNode node) {
		if (!node.isString()) {
			return Result.VALID;
		}
		String text = node.asString();
		if (hasLineBreak(text)) {
			return Result.UNSURE;
		}
		Pattern p = patterns.computeIfAbsent(pattern.asString(), Pattern::compile);
		return p.matcher(text).find() ? Result.VALID : Result.UNSURE;
	}

	private static boolean hasLineBreak(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

	/** Lengths count code points; a string whose char and code point counts differ is left to the full check. */
	private static Result length(String keyword, JsonNode limit, JsonNode node) {
		if (!node.isString()) {
			return Result.VALID;
		}
		String text = node.asString();
		if (text.codePointCount(0, text.length()) != text.length() || !limit.isIntegralNumber()) {
			return Result.UNSURE;
		}
		boolean ok = keyword.equals("minLength") ? text.length() >= limit.asInt() : text.length() <= limit.asInt();
		return ok ? Result.VALID : Result.UNSURE;
	}

	private static Result bound(String keyword, JsonNode limit, JsonNode node) {
		if (!node.isNumber()) {
			return Result.VALID;
		}
		if (!limit.isNumber()) {
			return Result.UNSURE;
		}
		int cmp = node.decimalValue().compareTo(limit.decimalValue());
		boolean ok = keyword.equals("minimum") ? cmp >= 0 : cmp <= 0;
		return ok ? Result.VALID : Result.UNSURE;
	}

	/** Holds whether or not the full validator asserts formats: only a real ISO date passes. */
	private static Result format(JsonNode format, JsonNode node) {
		if (!node.isString()) {
			return Result.VALID;
		}
		if (!"date".equals(format.asString())) {
			return Result.UNSURE;
		}
		String text = node.asString();
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return Result.UNSURE;
		}
		try {
			LocalDate.parse(text);
			return Result.VALID;
		}
		catch (DateTimeParseException ex) {
			return Result.UNSURE;
		}
	}

	private Result ref(JsonNode ref, JsonNode node, int depth) {
		String target = ref.asString();
		if (!target.startsWith("#/$defs/") || target.indexOf('/', 8) >= 0 || target.indexOf('~') >= 0) {
			return Result.UNSURE;
		}
		JsonNode defs = root.get("$defs");
		JsonNode sub = defs == null ? null : defs.get(target.substring(8));
		return sub == null ? Result.UNSURE : check(sub, node, depth + 1);
	}

	private Result anyOf(JsonNode options, JsonNode node, int depth) {
		for (JsonNode option : options.values()) {
			if (check(option, node, depth + 1) == Result.VALID) {
				return Result.VALID;
			}
		}
		return Result.UNSURE;
	}

	/** Exactly one option certainly valid and every other certainly invalid; anything else is for the full check. */
	private Result oneOf(JsonNode options, JsonNode node, int depth) {
		List<Result> results = new ArrayList<>();
		for (JsonNode option : options.values()) {
			results.add(check(option, node, depth + 1));
		}
		long valid = results.stream().filter(r -> r == Result.VALID).count();
		long invalid = results.stream().filter(r -> r == Result.INVALID).count();
		return valid == 1 && invalid == results.size() - 1 ? Result.VALID : Result.UNSURE;
	}
}
