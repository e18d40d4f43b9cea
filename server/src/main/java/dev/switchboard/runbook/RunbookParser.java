package dev.switchboard.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;
import tools.jackson.databind.JsonNode;

/**
 * Parses one runbook file into a {@link Runbook}, reporting what cannot be read as findings at
 * their lines. The parse is best effort: a runbook with errors still comes back (the rules need
 * its steps to report everything at once), and callers decide whether to use it.
 */
public final class RunbookParser {

	private static final SchemaCheck FRONT_MATTER = SchemaCheck.load("runbook-front-matter.schema.json");


	private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	/** The result of parsing one file. */
	public record Parsed(Runbook runbook, List<Finding> findings) {
	}

	public Parsed parse(String displayPath, String fileName, String text) {
		return parse(displayPath, fileName, text, sha256(text));
	}

	/**
	 * Same as {@link #parse(String, String, String)} when the caller already hashed the file's bytes:
	 * {@code sha256} must be the SHA-256 of {@code text} in UTF-8 (the bytes of a file that decoded).
	 */
	public Parsed parse(String displayPath, String fileName, String text, String sha256) {
		FindingSink sink = new FindingSink(displayPath);
		// Windows editors save a byte order mark; GitHub ignores it, so must the front matter.
		String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
		Document document = Markdown.PARSER.parse(source);
		LineIndex lines = new LineIndex(source);
		FrontMatter fm = frontMatter(document, lines, fileName, sink);
		List<Step> steps = steps(document, source, lines, sink);
		if (steps.isEmpty()) {
			sink.error(fm.line, "no-steps", "runbook has no steps: each '## heading' is a step");
		}
		Runbook runbook = new Runbook(fm.id, fileName, fm.title, fm.summary, fm.severity, fm.owner, fm.services,
				fm.aliases, fm.covers, fm.lastReviewed, fm.line, fm.lines, steps, new RunbookVersion(sha256, null, false));
		return new Parsed(runbook, sink.findings());
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Hex SHA-256 of a runbook file's bytes: its version id. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class FrontMatter {

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

		java.util.Map<String, Integer> lines = new java.util.HashMap<>();

	}

	private FrontMatter frontMatter(Document document, LineIndex lines, String fileName, FindingSink sink) {
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
		FRONT_MATTER.check(tree, sink);
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

	private List<Step> steps(Document document, String source, LineIndex lines, FindingSink sink) {
		List<Step> steps = new ArrayList<>();
		StepIds ids = new StepIds();
		Heading heading = null;
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading h && h.getLevel() <= 2) {
				if (heading != null) {
					steps.add(step(heading, blocks, ids, source, lines, sink));
				}
				heading = h.getLevel() == 2 ? h : null;
				blocks = new ArrayList<>();
			}
			else if (heading != null) {
				blocks.add(node);
			}
		}
		if (heading != null) {
			steps.add(step(heading, blocks, ids, source, lines, sink));
		}
		return steps;
	}

	private Step step(Heading heading, List<Node> blocks, StepIds ids, String source, LineIndex lines,
			FindingSink sink) {
		StepIds.Titled titled = ids.assign(PlainText.of(heading));
		int line = lines.lineOf(heading.getStartOffset());
		ListBlock choiceList = choiceList(blocks);
		List<Choice> choices = choiceList == null ? List.of() : Choices.read(choiceList, lines, sink);
		List<Action> actions = new ArrayList<>();
		List<String> body = new ArrayList<>();
		StepMarkers markers = new StepMarkers(sink);
		for (Node block : blocks) {
			if (block == choiceList) {
				continue;
			}
			if (block instanceof FencedCodeBlock code && "action".equals(code.getInfo().toString().trim())) {
				actions.addAll(actions(code, lines));
				continue;
			}
			String text = block.getChars().toString();
			if (block instanceof Paragraph) {
				text = markers.extract(text, lines.lineOf(block.getStartOffset()));
				if (text.isBlank()) {
					continue;
				}
			}
			body.add(text.stripTrailing());
		}
		Inline inline = Inline.scan(blocks, lines, source);
		return new Step(titled.id(), titled.title(), line, String.join("\n\n", body), choices, actions,
				markers.strategy(), markers.resolution(), markers.omitted(), inline.mentions(), inline.refs());
	}

	/**
	 * The last list of the step with an item that starts with a link to a step or runbook. Any item,
	 * not just the first: a bullet list written right above the choices merges with them in
	 * markdown, and the author must hear about it rather than silently get a terminal step.
	 */
	private static ListBlock choiceList(List<Node> blocks) {
		for (int i = blocks.size() - 1; i >= 0; i--) {
			if (blocks.get(i) instanceof ListBlock list) {
				for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
					if (Choices.startsWithStepLink(item)) {
						return list;
					}
				}
			}
		}
		return null;
	}

	private static List<Action> actions(FencedCodeBlock code, LineIndex lines) {
		List<Action> actions = new ArrayList<>();
		int first = lines.lineOf(code.getContentChars().getStartOffset());
		String[] rows = code.getContentChars().toString().split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].trim();
			if (!row.isEmpty() && !row.startsWith("#")) {
				actions.add(new Action(row, first + i, ActionCommand.parse(row)));
			}
		}
		return actions;
	}
}
