package dev.switchboard.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;

/**
 * Parses one runbook file into a {@link Runbook}, reporting what cannot be read as findings at
 * their lines. The parse is best effort: a runbook with errors still comes back (the rules need
 * its steps to report everything at once), and callers decide whether to use it.
 */
public final class RunbookParser {

	/**
	 * The result of parsing one file.
	 * @param fixes the rewrites {@code switchboard lint --fix} makes (old {@code {#id}} headings)
	 */
	public record Parsed(Runbook runbook, List<Finding> findings, List<HeadingIdFix> fixes) {

		public Parsed(Runbook runbook, List<Finding> findings) {
			this(runbook, findings, List.of());
		}
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
		FrontMatter fm = FrontMatter.read(document, lines, fileName, sink);
		HeadingAnchors anchors = HeadingAnchors.of(document);
		List<HeadingIdFix> fixes = new ArrayList<>();
		Set<Node> choiceLinks = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Step> steps = steps(document, source, lines, sink, anchors, fixes, choiceLinks);
		if (steps.isEmpty()) {
			sink.error(fm.line, "no-steps", "runbook has no steps: each '## heading' is a step");
		}
		Set<String> fragments = new HashSet<>(anchors.all());
		steps.forEach(s -> fragments.add(s.id()));
		Runbook runbook = new Runbook(fm.id, fileName, fm.title, fm.summary, fm.severity, fm.owner, fm.services,
				fm.aliases, fm.covers, fm.lastReviewed, fm.line, fm.lines, steps, new RunbookVersion(sha256, null, false),
				fragments, Links.of(document, choiceLinks, lines));
		return new Parsed(runbook, sink.findings(), fixes);
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

	private List<Step> steps(Document document, String source, LineIndex lines, FindingSink sink,
			HeadingAnchors anchors, List<HeadingIdFix> fixes, Set<Node> choiceLinks) {
		List<Step> steps = new ArrayList<>();
		Context context = new Context(source, lines, sink, anchors, new LegacyStepIds(), fixes, choiceLinks);
		Heading heading = null;
		Paragraph headingAnchor = null;
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading h && h.getLevel() <= 2) {
				// '<a name="id"></a>' alone on the line above names the next step; it is not prose of this one
				Paragraph above = anchorAbove(h, lines);
				blocks.remove(above);
				if (heading != null) {
					steps.add(step(heading, headingAnchor, blocks, context));
				}
				heading = h.getLevel() == 2 ? h : null;
				headingAnchor = above;
				blocks = new ArrayList<>();
			}
			else if (heading != null) {
				blocks.add(node);
			}
		}
		if (heading != null) {
			steps.add(step(heading, headingAnchor, blocks, context));
		}
		return steps;
	}

	/** What parsing the steps of one file shares. */
	private record Context(String source, LineIndex lines, FindingSink sink, HeadingAnchors anchors,
			LegacyStepIds legacyIds, List<HeadingIdFix> fixes, Set<Node> choiceLinks) {
	}

	private static Paragraph anchorAbove(Heading heading, LineIndex lines) {
		return heading.getPrevious() instanceof Paragraph p && HeadingAnchors.anchorsOnly(p)
				&& lines.lineOf(p.getEndOffset() - 1) == lines.lineOf(heading.getStartOffset()) - 1 ? p : null;
	}

	private Step step(Heading heading, Paragraph anchorAbove, List<Node> blocks, Context context) {
		String source = context.source();
		LineIndex lines = context.lines();
		FindingSink sink = context.sink();
		int line = lines.lineOf(heading.getStartOffset());
		HeadingAnchors.Declared declared = HeadingAnchors.declared(heading, anchorAbove, source, lines);
		String slug = context.anchors().slug(heading);
		String id = declared.id() != null ? declared.id() : slug;
		List<String> anchors = new ArrayList<>();
		for (String name : declared.otherNames()) {
			if (!name.equals(id) && !anchors.contains(name)) {
				anchors.add(name);
			}
		}
		if (!slug.equals(id) && !anchors.contains(slug)) {
			anchors.add(slug);
		}
		String legacy = context.legacyIds().assign(declared.id() != null ? declared.title() + " {#" + declared.id() + "}"
				: PlainText.of(heading)).id();
		List<String> formerIds = legacy.equals(id) || anchors.contains(legacy) ? List.of() : List.of(legacy);
		HeadingIdFix fix = declared.fix();
		if (fix != null || HeadingAnchors.LEGACY.matcher(HeadingAnchors.gitHubText(heading)).matches()) {
			sink.warning(line, "legacy-heading-id", "'{#" + id + "}' is not an anchor on GitHub: it shows as text there and "
					+ "'#" + id + "' links do not jump to it; "
					+ (fix != null ? "write the line as '" + fix.after() + "' (switchboard lint --fix does it)"
							: "put '<a name=\"" + id + "\"></a>' before the heading's text instead"));
			if (fix != null) {
				context.fixes().add(fix);
			}
		}
		ListBlock choiceList = choiceList(blocks);
		if (choiceList != null) {
			for (Node item = choiceList.getFirstChild(); item != null; item = item.getNext()) {
				Link leading = Choices.leadingLink(item);
				if (leading != null) {
					context.choiceLinks().add(leading);
				}
			}
		}
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
		return new Step(id, declared.title(), line, String.join("\n\n", body), choices, actions, markers.strategy(),
				markers.resolution(), markers.omitted(), inline.mentions(), inline.refs(), anchors, formerIds);
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
