package dev.switchboard.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.YamlTree;
import tools.jackson.databind.JsonNode;

/**
 * Read access to the parsed ownership.yaml by JSON pointer, tolerant of a wrong shape (the schema
 * check has already reported it): a missing or mistyped value simply reads as absent.
 */
final class OwnershipDocument {

	private final YamlTree tree;

	private final FindingSink sink;

	OwnershipDocument(YamlTree tree, FindingSink sink) {
		this.tree = tree;
		this.sink = sink;
	}

	JsonNode at(String pointer) {
		return tree.root().at(pointer);
	}

	/** Number of items of the array at {@code pointer}, 0 when it is not an array. */
	int size(String pointer) {
		JsonNode node = at(pointer);
		return node.isArray() ? node.size() : 0;
	}

	String text(String pointer) {
		JsonNode node = at(pointer);
		return node.isString() || node.isNumber() || node.isBoolean() ? node.asString() : null;
	}

	/** An integer that fits an {@code int}; anything larger reads as absent (the schema reports it). */
	Optional<Integer> integer(String pointer) {
		JsonNode node = at(pointer);
		return node.isIntegralNumber() && node.canConvertToInt() ? Optional.of(node.asInt()) : Optional.empty();
	}

	/** The strings of a list (non-strings skipped), or an empty list. */
	List<String> texts(String pointer) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < size(pointer); i++) {
			String value = text(pointer + "/" + i);
			if (value != null) {
				out.add(value);
			}
		}
		return out;
	}

	List<String> keys(String pointer) {
		JsonNode node = at(pointer);
		return node.isObject() ? List.copyOf(node.propertyNames()) : List.of();
	}

	int line(String pointer) {
		return tree.lineOf(pointer);
	}

	void error(String pointer, String rule, String message) {
		sink.error(tree.lineOf(pointer), rule, message);
	}

	boolean hasErrorAt(String pointer) {
		return sink.hasErrorAt(tree.lineOf(pointer));
	}

	void warning(String pointer, String rule, String message) {
		sink.warning(tree.lineOf(pointer), rule, message);
	}
}
