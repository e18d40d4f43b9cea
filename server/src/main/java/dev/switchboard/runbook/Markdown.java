package dev.switchboard.runbook;

import java.util.List;

import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

/** The one Flexmark configuration (GitHub-flavoured: tables, task lists, front matter); parsers are thread-safe. */
final class Markdown {

	static final MutableDataSet OPTIONS = new MutableDataSet()
		.set(Parser.EXTENSIONS,
				List.of(YamlFrontMatterExtension.create(), TablesExtension.create(), TaskListExtension.create()))
		.set(HtmlRenderer.ESCAPE_HTML, true)
		.set(HtmlRenderer.SUPPRESS_HTML, false);

	static final Parser PARSER = Parser.builder(OPTIONS).build();

	private Markdown() {
	}
}
