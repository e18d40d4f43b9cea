package dev.switchboard.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Every link of a runbook that stays inside the runbooks folder ({@code #anchor},
 * {@code other.md}, {@code ./other.md#anchor}), wherever it is written: paragraphs, lists, tables,
 * headings, reference definitions. Links with a scheme or a path elsewhere are left alone.
 */
final class Links {

	private Links() {
	}

	/** @param choiceLinks the links that open choice items: checked as choices, not again here */
	static List<RunbookLink> of(Document document, Set<Node> choiceLinks, LineIndex lines) {
		List<RunbookLink> links = new ArrayList<>();
		visit(document, choiceLinks, lines, links);
		return links;
	}

	private static void visit(Node node, Set<Node> choiceLinks, LineIndex lines, List<RunbookLink> links) {
		if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
			return;
		}
		String url = null;
		if (node instanceof Link link && !choiceLinks.contains(link)) {
			url = link.getUrl().toString();
		}
		else if (node instanceof Reference reference) {
			url = reference.getUrl().toString();
		}
		if (url != null) {
			RunbookLink found = Choices.inFolder(url.trim(), lines.lineOf(node.getStartOffset()));
			if (found != null) {
				links.add(found);
			}
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			visit(child, choiceLinks, lines, links);
		}
	}
}
