package dev.switchboard.runbook;

import com.vladsch.flexmark.html.HtmlRenderer;

/** A step body as HTML for the web page; raw HTML in runbooks is escaped, never passed through. */
public final class HtmlStepRenderer {

	private static final HtmlRenderer HTML = HtmlRenderer.builder(Markdown.OPTIONS).build();

	public String render(String markdown) {
		return HTML.render(Markdown.PARSER.parse(markdown));
	}
}
