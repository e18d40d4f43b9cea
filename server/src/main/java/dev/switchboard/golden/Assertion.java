package dev.switchboard.golden;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One check on a case's answer, named as in promptfoo ({@code is-json}, {@code equals}, {@code contains},
 * {@code regex}, {@code latency}) plus {@code one-of}, {@code within} and {@code max-tokens}.
 * {@link #judge} returns empty when the answer passes, else what was expected and what came (trimmed).
 */
public sealed interface Assertion {

	JsonMapper JSON = JsonMapper.builder().build();

	/** The line of the assertion in its file. */
	int line();

	String type();

	Optional<String> judge(Answer answer);

	/** False for checks of how the answer came (latency, tokens): those cannot be judged on a written reference. */
	default boolean onContent() {
		return true;
	}

	/** {@code is-json}, with a JSON Schema the answer must validate against (null: any JSON). */
	record IsJson(int line, Schema schema) implements Assertion {

		public String type() {
			return "is-json";
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> json = parse(answer.content());
			if (json.isEmpty()) {
				return fail("JSON", answer.content());
			}
			if (schema == null) {
				return Optional.empty();
			}
			List<Error> errors = schema.validate(json.get());
			return errors.isEmpty() ? Optional.empty()
					: Optional.of("not valid against the schema: " + trim(errors.get(0).toString()) + (errors.size() > 1
							? " (+" + (errors.size() - 1) + " more)" : "") + "; got " + trim(answer.content()));
		}
	}

	/** {@code equals}: the whole answer (trimmed), or the value at {@code path} of a JSON answer. */
	record Equals(int line, String path, JsonNode value) implements Assertion {

		public String type() {
			return "equals";
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> got = at(answer, path);
			return got.isPresent() && same(got.get(), value) ? Optional.empty()
					: fail("'" + text(value) + "'", shown(answer, path, got));
		}
	}

	/** {@code one-of}: a classification label from a fixed set. */
	record OneOf(int line, String path, List<JsonNode> values) implements Assertion {

		public String type() {
			return "one-of";
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> got = at(answer, path);
			return got.isPresent() && values.stream().anyMatch(v -> same(got.get(), v)) ? Optional.empty()
					: fail("one of " + values.stream().map(Assertion::text).toList(), shown(answer, path, got));
		}
	}

	/** {@code contains}, {@code icontains}, {@code not-contains}, {@code not-icontains}. */
	record Contains(int line, String path, String text, boolean ignoreCase, boolean negated) implements Assertion {

		public String type() {
			return (negated ? "not-" : "") + (ignoreCase ? "icontains" : "contains");
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> got = at(answer, path);
			if (got.isEmpty()) {
				return fail((negated ? "no " : "") + "'" + text + "'", shown(answer, path, got));
			}
			String haystack = Assertion.text(got.get());
			boolean found = ignoreCase ? haystack.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT))
					: haystack.contains(text);
			return found != negated ? Optional.empty()
					: fail(negated ? "no '" + text + "'" : "'" + text + "'", haystack);
		}
	}

	/** {@code regex}: found anywhere in the text (anchor it with ^ and $ for a full match). */
	record Regex(int line, String path, Pattern pattern) implements Assertion {

		public String type() {
			return "regex";
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> got = at(answer, path);
			return got.isPresent() && pattern.matcher(text(got.get())).find() ? Optional.empty()
					: fail("/" + pattern.pattern() + "/", shown(answer, path, got));
		}
	}

	/** {@code within}: a number (at {@code path} of a JSON answer) within {@code tolerance} of {@code value}. */
	record Within(int line, String path, BigDecimal value, BigDecimal tolerance) implements Assertion {

		public String type() {
			return "within";
		}

		public Optional<String> judge(Answer answer) {
			Optional<JsonNode> got = at(answer, path);
			Optional<BigDecimal> number = got.flatMap(Assertion::number);
			return number.isPresent() && number.get().subtract(value).abs().compareTo(tolerance) <= 0 ? Optional.empty()
					: fail(value.toPlainString() + " ± " + tolerance.toPlainString(), shown(answer, path, got));
		}
	}

	/** {@code latency}: the answer came within {@code millis}. */
	record Latency(int line, long millis) implements Assertion {

		public String type() {
			return "latency";
		}

		public boolean onContent() {
			return false;
		}

		public Optional<String> judge(Answer answer) {
			return answer.latencyMillis() <= millis ? Optional.empty()
					: fail("≤ " + millis + " ms", answer.latencyMillis() + " ms");
		}
	}

	/** {@code max-tokens}: the answer used at most {@code tokens} completion tokens (unknown usage fails). */
	record MaxTokens(int line, int tokens) implements Assertion {

		public String type() {
			return "max-tokens";
		}

		public boolean onContent() {
			return false;
		}

		public Optional<String> judge(Answer answer) {
			Integer used = answer.completionTokens();
			return used != null && used <= tokens ? Optional.empty()
					: fail("≤ " + tokens + " completion tokens", used == null ? "no usage reported" : used + " tokens");
		}
	}

	private static Optional<String> fail(String expected, String got) {
		String shown = expected.length() <= 80 ? expected : expected.substring(0, 77) + "…";
		return Optional.of("expected " + shown + ", got " + (got == null ? "no answer" : trim(got)));
	}

	/** At most 120 characters on one line: enough to recognise an answer, never a whole document in chat. */
	static String trim(String text) {
		if (text == null) {
			return "nothing";
		}
		String line = text.replaceAll("\\s+", " ").strip();
		return line.length() <= 120 ? "'" + line + "'" : "'" + line.substring(0, 117) + "…'";
	}

	static Optional<JsonNode> parse(String content) {
		if (content == null || content.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readTree(content));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The whole answer as a text node, or the node at {@code path} of a JSON answer (empty: not JSON, or no such node). */
	private static Optional<JsonNode> at(Answer answer, String path) {
		if (answer.content() == null) {
			return Optional.empty();
		}
		if (path == null) {
			return Optional.of(JSON.getNodeFactory().textNode(answer.content().strip()));
		}
		return parse(answer.content()).map(n -> n.at(path)).filter(n -> !n.isMissingNode());
	}

	private static String shown(Answer answer, String path, Optional<JsonNode> got) {
		if (got.isPresent()) {
			return text(got.get());
		}
		if (answer.content() == null) {
			return null;
		}
		return path == null ? answer.content() : "no " + path + " in " + trim(answer.content());
	}

	static String text(JsonNode node) {
		return node.isString() ? node.asString() : node.toString();
	}

	static Optional<BigDecimal> number(JsonNode node) {
		try {
			return node.isNumber() ? Optional.of(node.decimalValue())
					: node.isString() ? Optional.of(new BigDecimal(node.asString().strip())) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Equal as JSON, numbers by value (1250 equals 1250.00), text ignoring surrounding blanks. */
	static boolean same(JsonNode got, JsonNode expected) {
		if (got.isNumber() && expected.isNumber()) {
			return got.decimalValue().compareTo(expected.decimalValue()) == 0;
		}
		if (got.isString() && expected.isString()) {
			return got.asString().strip().equals(expected.asString().strip());
		}
		return got.equals(expected);
	}
}
