package dev.switchboard.runbook;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;
import tools.jackson.databind.JsonNode;

/**
 * A runbook's front matter as {@link RunbookParser} reads it: checked against
 * {@code runbook-front-matter.schema.json}, with the line of every field for later findings. A
 * missing or unreadable front matter is reported and leaves the defaults (the id is the file name).
 */
final class FrontMatter {

	private static final SchemaCheck SCHEMA = SchemaCheck.load("runbook-front-matter.schema.json");

	private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	String id;

	String title;

	String summary;

	String severity;

	String owner;

	List<String> services = new ArrayList<>();

	List<String> aliases = new ArrayList<>();

	LinkedHashSet<String> covers = new LinkedHashSet<>();

	LocalDate lastReviewed;

	int line = 1;

	Map<String, Integer> lines = new HashMap<>();

	private FrontMatter() {
	}

	static FrontMatter read(Document document, LineIndex lines, String fileName, FindingSink sink) {
		FrontMatter fm = new FrontMatter();
		fm.id = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
		Node first = document.getFirstChild();
		if (!(first instanceof YamlFrontMatterBlock block)) {
			sink.error(1, "front-matter", "missing front matter: start the file with '---', id, title, summary, "
					+ "severity, owner, services, last_reviewed, then '---'");
			return fm;
		}
		fm.line = lines.lineOf(block.getStartOffset());
		String chars = block.getChars().toString();
		int open = chars.indexOf('\n');
		int close = chars.lastIndexOf("\n---");
		String yaml = open < 0 || close <= open ? "" : chars.substring(open + 1, close + 1);
		YamlTree tree = YamlTree.parse(yaml, fm.line + 1, sink);
		if (tree == null) {
			return fm;
		}
		if (!tree.root().isObject()) {
			sink.error(fm.line, "front-matter", "front matter must be a map of fields");
			return fm;
		}
		SCHEMA.check(tree, sink);
		JsonNode root = tree.root();
		for (String key : root.propertyNames()) {
			fm.lines.put("/" + key, tree.keyLineOf("/" + key));
			JsonNode value = root.get(key);
			for (int i = 0; value.isArray() && i < value.size(); i++) {
				fm.lines.put("/" + key + "/" + i, tree.lineOf("/" + key + "/" + i));
			}
		}
		fm.id = text(root.get("id"), fm.id);
		fm.title = text(root.get("title"), null);
		fm.summary = text(root.get("summary"), null);
		fm.severity = text(root.get("severity"), null);
		fm.owner = text(root.get("owner"), null);
		fm.services = texts(root.get("services"));
		fm.aliases = texts(root.get("aliases"));
		fm.covers.addAll(texts(root.get("covers")));
		String reviewed = text(root.get("last_reviewed"), null);
		if (reviewed != null) {
			try {
				fm.lastReviewed = LocalDate.parse(reviewed);
			}
			catch (DateTimeParseException ex) {
				// other shapes (02/11/2026, a number) fail the schema's pattern or type, reported above
				if (ISO_DATE_SHAPE.matcher(reviewed).matches()) {
					sink.error(tree.lineOf("/last_reviewed"), "front-matter",
							"last_reviewed '" + reviewed + "' is not a date such as 2026-11-02");
				}
			}
		}
		return fm;
	}

	private static String text(JsonNode node, String fallback) {
		return node != null && (node.isString() || node.isNumber()) ? node.asString() : fallback;
	}

	private static List<String> texts(JsonNode node) {
		List<String> out = new ArrayList<>();
		if (node != null && node.isArray()) {
			for (JsonNode item : node.values()) {
				String value = text(item, null);
				if (value != null) {
					out.add(value);
				}
			}
		}
		return out;
	}
}
