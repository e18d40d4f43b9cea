package dev.switchboard.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

class PlainTextTests {

	@Test
	void givesWhatFlexmarksTextCollectorGivesForEveryNodeOfEveryRunbookWeHave() throws IOException {
		List<String> documents = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("../runbooks")), Files.walk(Path.of("src/test/resources")))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
				try {
					documents.add(Files.readString(file));
				}
				catch (MalformedInputException ex) {
					// the not-utf8 fixture
				}
			}
		}
		documents.add("""
				## Escaped \\*stars\\* &amp; entities &copy; {#esc}
				## **Bold** heading with `code` and [a link](#x)
				## Ünïcödé — dashes – and emoji 🚨
				## Trailing spaces and hashes ##
				- [Plain label](#a) — hint with @ops and {{vendor.openai.status_page}}
				- [Label with \\] bracket](#b): hint *emphasised*
				- [**bold label**](#c)
				- [label &amp; entity](#d) and `code` hint
				""");
		int compared = 0;
		for (String markdown : documents) {
			for (Node node : usedOn(Markdown.PARSER.parse(markdown))) {
				assertThat(PlainText.of(node)).as(node.toAstString(true))
					.isEqualTo(new TextCollectingVisitor().collectAndGetText(node));
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(500);
	}

	/** What the parser asks for: headings, links, and the inline nodes of a paragraph (hints). */
	private static List<Node> usedOn(Node root) {
		List<Node> nodes = new ArrayList<>();
		if (root instanceof Heading || root instanceof Link || root.getParent() instanceof Paragraph) {
			nodes.add(root);
		}
		for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
			nodes.addAll(usedOn(child));
		}
		return nodes;
	}
}
