package dev.switchboard.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

/** Finds {@code @mentions} and {@code {{registry.refs}}} in a step's prose (never inside code). */
record Inline(List<Mention> mentions, List<RegistryRef> refs) {

	/** An @ not preceded by a word character or dot, so e-mail addresses are not mentions. */
	static final Pattern MENTION = Pattern.compile("(?<![\\w.@/])@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)");

	/** Anything in double braces: what does not read as {@code kind.id.field} is reported, not left as text. */
	static final Pattern BRACES = Pattern.compile("\\{\\{([^{}\\n]{0,200})}}");

	static final Pattern REF = Pattern.compile("\\s*([a-z]+)\\.([a-z0-9-]+)\\.([a-z_]+)\\s*");

	/** @param source the text the blocks were parsed from: node offsets index into it */
	static Inline scan(List<Node> blocks, LineIndex lines, String source) {
		Inline found = new Inline(new ArrayList<>(), new ArrayList<>());
		for (Node block : blocks) {
			found.visit(block, lines, source);
		}
		return found;
	}

	private void scanText(String text, int base, boolean at, boolean brace, LineIndex lines) {
		if (at) {
			Matcher m = MENTION.matcher(text);
			while (m.find()) {
				mentions.add(new Mention(m.group(1), lines.lineOf(base + m.start())));
			}
		}
		if (brace) {
			Matcher b = BRACES.matcher(text);
			while (b.find()) {
				int line = lines.lineOf(base + b.start());
				Matcher r = REF.matcher(b.group(1));
				refs.add(r.matches() ? new RegistryRef(r.group(1), r.group(2), r.group(3), line)
						: RegistryRef.malformed(b.group(1), line));
			}
		}
	}

	private void visit(Node node, LineIndex lines, String source) {
		if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
				|| node instanceof HtmlBlock || node instanceof HtmlInline) {
			return;
		}
		if (node instanceof Text) {
			// Most prose has neither '@' nor '{{': look before paying for a String and two regex scans,
			// and look in the source string (a Flexmark sequence's charAt goes through several layers).
			int start = node.getStartOffset();
			int end = node.getEndOffset();
			boolean at = false;
			boolean brace = false;
			for (int i = start; i < end && !(at && brace); i++) {
				char c = source.charAt(i);
				at |= c == '@';
				brace |= c == '{';
			}
			if (at || brace) {
				scanText(source.substring(start, end), start, at, brace, lines);
			}
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			visit(child, lines, source);
		}
	}
}
