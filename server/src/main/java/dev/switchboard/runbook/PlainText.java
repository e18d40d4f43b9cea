package dev.switchboard.runbook;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The text of a heading, link label or hint, as Flexmark's {@link TextCollectingVisitor} gives it.
 * Most are one plain {@link Text} node, and for those the visitor's segmented-sequence building was
 * about a tenth of a runbook's parse: they are read directly. Anything with markup, a backslash
 * escape or an entity still goes through the visitor.
 */
final class PlainText {

	private PlainText() {
	}

	static String of(Node node) {
		Text only = node instanceof Text text ? text : single(node);
		if (only != null && only.getFirstChild() == null) {
			BasedSequence chars = only.getChars();
			if (chars.indexOf('\\') < 0 && chars.indexOf('&') < 0) {
				return chars.toString();
			}
		}
		return new TextCollectingVisitor().collectAndGetText(node);
	}

	private static Text single(Node node) {
		Node first = node.getFirstChild();
		return first instanceof Text text && first.getNext() == null ? text : null;
	}
}
