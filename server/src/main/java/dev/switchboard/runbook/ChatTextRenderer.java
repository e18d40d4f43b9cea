package dev.switchboard.runbook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/**
 * A step body as plain chat text: paragraphs, bullets ({@code •}), numbered items, links as
 * {@code label (url)}, code kept in backticks, {@code @mentions} left as written so each chat
 * adapter can turn them into its own mentions. Chat adapters escape and re-mark this text
 * for their platform; nothing here is platform-specific.
 */
public final class ChatTextRenderer {

	/**
	 * Rendering is a pure function of the text, and every incident view renders its current
	 * step: without this, a Flexmark parse was about a seventh of the CPU of a REST request under
	 * load. Shared by all instances; bounded by clearing, since step bodies are a small, fixed set
	 * per catalog version.
	 */
	private static final int CACHE_LIMIT = 2048;

	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	public String render(String markdown) {
		String cached = RENDERED.get(markdown);
		if (cached != null) {
			return cached;
		}
		StringBuilder out = new StringBuilder();
		blocks(Markdown.PARSER.parse(markdown), out, "");
		String text = out.toString().strip();
		if (RENDERED.size() >= CACHE_LIMIT) {
			RENDERED.clear();
		}
		RENDERED.put(markdown, text);
		return text;
	}

	private void blocks(Node parent, StringBuilder out, String indent) {
		int number = parent instanceof OrderedList list ? list.getStartNumber() : 1;
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Paragraph) {
				out.append(indent);
				inline(node, out);
				out.append(parent instanceof ListItem ? "\n" : "\n\n");
			}
			else if (node instanceof Heading) {
				out.append(indent).append(new TextCollectingVisitor().collectAndGetText(node).strip()).append("\n\n");
			}
			else if (node instanceof BulletList || node instanceof OrderedList) {
				blocks(node, out, indent);
				if (!(parent instanceof ListItem)) {
					out.append('\n');
				}
			}
			else if (node instanceof ListItem) {
				String marker = node instanceof OrderedListItem ? (number++) + ". " : "• ";
				StringBuilder item = new StringBuilder();
				blocks(node, item, "");
				String[] rows = item.toString().strip().split("\n");
				for (int i = 0; i < rows.length; i++) {
					out.append(indent).append(i == 0 ? marker : "  ").append(rows[i]).append('\n');
				}
			}
			else if (node instanceof FencedCodeBlock code) {
				out.append(indent).append("```\n").append(code.getContentChars().toString()).append("```\n\n");
			}
			else if (node instanceof IndentedCodeBlock code) {
				out.append(indent).append("```\n").append(code.getContentChars().toString()).append("```\n\n");
			}
			else if (node instanceof BlockQuote) {
				StringBuilder quoted = new StringBuilder();
				blocks(node, quoted, "");
				for (String row : quoted.toString().strip().split("\n")) {
					out.append(indent).append("> ").append(row).append('\n');
				}
				out.append('\n');
			}
			else if (node instanceof ThematicBreak) {
				out.append(indent).append("———\n\n");
			}
			else {
				out.append(indent).append(node.getChars().toString().strip()).append("\n\n");
			}
		}
	}

	private void inline(Node parent, StringBuilder out) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Text) {
				out.append(node.getChars());
			}
			else if (node instanceof Code code) {
				out.append('`').append(code.getText()).append('`');
			}
			else if (node instanceof Link link) {
				String label = new TextCollectingVisitor().collectAndGetText(link).strip();
				String url = link.getUrl().toString();
				out.append(label.equals(url) || url.isEmpty() ? label : label + " (" + url + ")");
			}
			else if (node instanceof SoftLineBreak) {
				out.append(' ');
			}
			else if (node instanceof HardLineBreak) {
				out.append('\n');
			}
			else if (node.hasChildren()) {
				inline(node, out);
			}
			else {
				out.append(node.getChars());
			}
		}
	}
}
