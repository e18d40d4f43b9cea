package dev.switchboard.runbook;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The anchors GitHub gives a runbook: every heading's slug (see {@link GitHubSlugger}) and every
 * {@code <a name="…"></a>}, which GitHub keeps (as {@code user-content-…}, and its page script
 * jumps to {@code #…}). A step's explicit id is such an anchor on its heading's line or alone on
 * the line just above; the old {@code {#id}} suffix still names the step but is not an anchor on
 * GitHub, so it comes with a fix.
 */
final class HeadingAnchors {

	/** {@code <a name="id">} with any other attributes; the id as GitHub keeps it (no spaces or quotes). */
	private static final Pattern NAME = Pattern.compile("<a\\s(?:[^>]*\\s)?name\\s*=\\s*(?:\"([^\"\\s]+)\"|'([^'\\s]+)'|([^\\s\"'>]+))[^>]*>",
			Pattern.CASE_INSENSITIVE);

	/** The {@code {#id}} suffix of a heading's raw text, as Switchboard read it before anchors. */
	static final Pattern LEGACY = Pattern.compile("^(.*?)\\s*\\{#([A-Za-z0-9_-]+)\\}\\s*$", Pattern.DOTALL);

	private final Map<Heading, String> slugs = new IdentityHashMap<>();

	private final Set<String> all = new LinkedHashSet<>();

	/** The id a step heading declares, its title, and the fix for an old {@code {#id}}. */
	record Declared(String id, String title, List<String> otherNames, HeadingIdFix fix) {
	}

	/** Slugs every heading of the document in order and collects every {@code <a name>} in it. */
	static HeadingAnchors of(Document document) {
		HeadingAnchors anchors = new HeadingAnchors();
		GitHubSlugger slugger = new GitHubSlugger();
		for (Node node : document.getDescendants()) {
			if (node instanceof Heading heading) {
				String slug = slugger.slug(gitHubText(heading));
				anchors.slugs.put(heading, slug);
				anchors.all.add(slug);
			}
			else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
				anchors.all.addAll(names(node.getChars().toString()));
			}
		}
		return anchors;
	}

	/** GitHub's anchor of this heading. */
	String slug(Heading heading) {
		return slugs.get(heading);
	}

	/** Every anchor of the document (heading slugs and {@code <a name>}s). */
	Set<String> all() {
		return all;
	}

	/**
	 * The heading's text as GitHub slugs it: the text of the rendered heading, so inline HTML
	 * (an {@code <a name>}) adds nothing and everything else, an old {@code {#id}} included, counts.
	 */
	static String gitHubText(Heading heading) {
		StringBuilder text = new StringBuilder();
		for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof HtmlInline) {
				continue;
			}
			text.append(child instanceof SoftLineBreak ? "\n" : PlainText.of(child));
		}
		return text.toString();
	}

	/**
	 * What a step heading declares. {@code above} is the paragraph right above it when that holds
	 * nothing but {@code <a name>} anchors (the other place an explicit id may sit), else null.
	 */
	static Declared declared(Heading heading, Paragraph above, String source, LineIndex lines) {
		List<String> names = new ArrayList<>();
		if (above != null) {
			names.addAll(names(above.getChars().toString()));
		}
		for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof HtmlInline html) {
				names.addAll(names(html.getChars().toString()));
			}
		}
		String text = gitHubText(heading);
		Matcher legacy = text.contains("{#") ? LEGACY.matcher(text) : null;
		if (legacy != null && legacy.matches()) {
			return new Declared(legacy.group(2), legacy.group(1).trim(), names, fix(heading, legacy.group(2), source, lines));
		}
		if (!names.isEmpty()) {
			return new Declared(names.get(0), text.trim(), names.subList(1, names.size()), null);
		}
		return new Declared(null, text.trim(), List.of(), null);
	}

	/** Whether a paragraph holds only {@code <a name>} anchors (and their closing tags). */
	static boolean anchorsOnly(Paragraph paragraph) {
		boolean named = false;
		for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof HtmlInline html) {
				String tag = html.getChars().toString();
				named |= NAME.matcher(tag).matches();
				if (!NAME.matcher(tag).matches() && !tag.equalsIgnoreCase("</a>")) {
					return false;
				}
			}
			else if (!(child instanceof SoftLineBreak) && !child.getChars().isBlank()) {
				return false;
			}
		}
		return named;
	}

	static List<String> names(String html) {
		List<String> names = new ArrayList<>();
		if (html.indexOf('<') < 0) {
			return names;
		}
		Matcher m = NAME.matcher(html);
		while (m.find()) {
			names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
		}
		return names;
	}

	/**
	 * The heading's line with {@code {#id}} removed and {@code <a name="id"></a>} put before its text:
	 * at the start, so GitHub's slug of the heading does not end in a dash. Null when the heading
	 * spans lines or its raw text does not end in the suffix (an escape, markup around it).
	 */
	private static HeadingIdFix fix(Heading heading, String id, String source, LineIndex lines) {
		var content = heading.getText();
		int start = content.getStartOffset();
		int end = content.getEndOffset();
		int line = lines.lineOf(start);
		if (line != lines.lineOf(Math.max(start, end - 1))) {
			return null;
		}
		Matcher raw = LEGACY.matcher(source.substring(start, end));
		if (!raw.matches() || !raw.group(2).equals(id)) {
			return null;
		}
		int lineStart = source.lastIndexOf('\n', start - 1) + 1;
		int lineEnd = source.indexOf('\n', end);
		if (lineEnd < 0) {
			lineEnd = source.length();
		}
		if (lineEnd > lineStart && source.charAt(lineEnd - 1) == '\r') {
			lineEnd--;
		}
		String before = source.substring(lineStart, lineEnd);
		String after = source.substring(lineStart, start) + "<a name=\"" + id + "\"></a>" + raw.group(1)
				+ source.substring(end, lineEnd);
		return new HeadingIdFix(line, before, after);
	}
}
