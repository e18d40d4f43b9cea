package dev.switchboard.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Markdown files rendered the way GitHub shows them, built from parts independent of the runbook
 * parser: CommonMark with the GFM extensions (tables, task lists, autolinks; front matter set
 * aside), raw HTML kept as GitHub's sanitizer keeps {@code <a name>}, then every {@code h1}-{@code h6}
 * given the anchor npm {@code github-slugger} computes from its rendered text. The anchors of a page
 * are those heading anchors and its {@code <a name>}s (GitHub prefixes both with
 * {@code user-content-}, and its page script resolves {@code #x} to them).
 */
final class GitHubRendering {

	private static final MutableDataSet OPTIONS = new MutableDataSet()
		.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(), AutolinkExtension.create(),
				YamlFrontMatterExtension.create()))
		.set(HtmlRenderer.GENERATE_HEADER_ID, false);

	private static final Parser PARSER = Parser.builder(OPTIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

	/** One rendered page: its headings' texts and anchors, its anchors, and its links' hrefs. */
	record Page(Path file, List<String> headingTexts, List<String> headingAnchors, Set<String> anchors,
			List<String> hrefs) {
	}

	private GitHubRendering() {
	}

	static Document html(String markdown) {
		return Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown)));
	}

	/** Renders the files and slugs all their headings in one Node.js run. */
	static Map<Path, Page> render(List<Path> files) {
		Map<Path, Document> docs = new LinkedHashMap<>();
		List<List<String>> texts = new ArrayList<>();
		for (Path file : files) {
			Document doc = html(read(file));
			docs.put(file, doc);
			texts.add(doc.select("h1, h2, h3, h4, h5, h6").stream().map(Element::wholeText).toList());
		}
		List<List<String>> slugs = GitHubSlugs.of(texts);
		Map<Path, Page> pages = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<Path, Document> e : docs.entrySet()) {
			Set<String> anchors = new LinkedHashSet<>(slugs.get(i));
			e.getValue().select("a[name]").forEach(a -> anchors.add(a.attr("name")));
			List<String> hrefs = e.getValue().select("a[href]").stream().map(a -> a.attr("href")).toList();
			pages.put(e.getKey(), new Page(e.getKey(), texts.get(i), slugs.get(i), anchors, hrefs));
			i++;
		}
		return pages;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
