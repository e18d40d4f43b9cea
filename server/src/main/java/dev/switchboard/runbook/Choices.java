package dev.switchboard.runbook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import dev.switchboard.lint.FindingSink;

/** Reads the list that ends a step: each item starts with a link to a step or to another runbook. */
final class Choices {

	/** {@code #step}, {@code other.md}, {@code ./other.md#step}: a link that stays inside the runbooks folder. */
	private static final Pattern STEP_LINK = Pattern.compile("^(#.+|(\\./)?[^/:#?\\s]+\\.md(#.*)?)$");

	private static final Pattern HINT_LEAD = Pattern.compile("^[\\s:—–-]+");

	private Choices() {
	}

	static boolean startsWithStepLink(Node item) {
		Link link = leadingLink(item);
		return link != null && STEP_LINK.matcher(link.getUrl().toString().trim()).matches();
	}

	static List<Choice> read(ListBlock list, LineIndex lines, FindingSink sink) {
		List<Choice> choices = new ArrayList<>();
		int n = 0;
		for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
			n++;
			if (!(item instanceof ListItem)) {
				continue;
			}
			int line = lines.lineOf(item.getStartOffset());
			Link link = leadingLink(item);
			String url = link == null ? "" : link.getUrl().toString().trim();
			if (link == null || !STEP_LINK.matcher(url).matches()) {
				sink.error(line, "choice-link", "item " + n + " of the choices list does not start with a link to a step "
						+ "('[label](#step)') or a runbook ('[label](other.md#step)'); a list written right above the "
						+ "choices merges with them: put a sentence between the two lists");
				continue;
			}
			String label = PlainText.of(link).trim();
			if (label.isEmpty()) {
				sink.error(line, "choice-link", "choice " + n + " has an empty label");
				label = url;
			}
			choices.add(choice(label, hint(link), decode(url), line));
		}
		return choices;
	}

	private static Choice choice(String label, String hint, String url, int line) {
		RunbookLink link = split(url, line);
		return new Choice(label, hint, link.runbook(), link.anchor(), line);
	}

	/** A link to a step, a runbook or an anchor inside the runbooks folder, or null for any other link. */
	static RunbookLink inFolder(String url, int line) {
		return STEP_LINK.matcher(url).matches() ? split(decode(url), line) : null;
	}

	private static RunbookLink split(String url, int line) {
		String path = url;
		String anchor = null;
		int hash = url.indexOf('#');
		if (hash >= 0) {
			path = url.substring(0, hash);
			anchor = url.substring(hash + 1);
		}
		if (path.startsWith("./")) {
			path = path.substring(2);
		}
		return new RunbookLink(url, path.isEmpty() ? null : path, anchor == null || anchor.isEmpty() ? null : anchor,
				line);
	}

	private static String hint(Link link) {
		StringBuilder text = new StringBuilder();
		for (Node n = link.getNext(); n != null; n = n.getNext()) {
			text.append(PlainText.of(n));
		}
		String hint = HINT_LEAD.matcher(text.toString().replace('\n', ' ')).replaceFirst("").trim();
		return hint.isEmpty() ? null : hint;
	}

	private static String decode(String url) {
		try {
			return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	/** The link an item's first paragraph opens with, skipping leading whitespace and task-list markers. */
	static Link leadingLink(Node item) {
		if (item == null) {
			return null;
		}
		Node first = item.getFirstChild();
		if (!(first instanceof Paragraph paragraph)) {
			return null;
		}
		for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
			if (n instanceof Link link) {
				return link;
			}
			if (!n.getChars().isBlank()) {
				return null;
			}
		}
		return null;
	}
}
