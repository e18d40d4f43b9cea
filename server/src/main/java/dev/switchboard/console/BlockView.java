package dev.switchboard.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;

/**
 * A block of a {@link Reply} as the page shows it: the one conversation model, rendered as HTML by
 * the {@code console/blocks} template (as Block Kit by Slack, as text by the terminal).
 *
 * @param kind {@code header}, {@code paragraph}, {@code html} (already safe HTML: a step rendered
 * from markdown), {@code fields}, {@code buttons}, {@code context}
 */
record BlockView(String kind, String text, boolean drill, List<Block.Field> fields, List<ButtonView> buttons) {

	/**
	 * A button: a form that posts its action id, or, when it changes production, a link to a page
	 * that shows the exact plan and asks for confirmation.
	 */
	record ButtonView(String label, String hint, String action, String style, String confirm) {

		static ButtonView of(Block.Button b) {
			return new ButtonView(b.label(), b.hint(), b.action().encode(), b.style().name().toLowerCase(Locale.ROOT),
					b.confirm());
		}
	}

	static List<BlockView> of(Reply reply) {
		return of(reply, b -> true);
	}

	/** Buttons failing {@code show} are left out (an Approve button for someone who may not approve). */
	static List<BlockView> of(Reply reply, Predicate<Block.Button> show) {
		List<BlockView> out = new ArrayList<>();
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Header h) {
				out.add(new BlockView("header", h.text(), h.drill(), List.of(), List.of()));
			}
			else if (block instanceof Block.Paragraph p) {
				out.add(new BlockView("paragraph", p.plainText(), false, List.of(), List.of()));
			}
			else if (block instanceof Block.Fields f) {
				out.add(new BlockView("fields", null, false, f.fields(), List.of()));
			}
			else if (block instanceof Block.Context c) {
				out.add(new BlockView("context", c.text(), false, List.of(), List.of()));
			}
			else if (block instanceof Block.Buttons b) {
				List<ButtonView> shown = b.buttons().stream().filter(show).map(ButtonView::of).toList();
				if (!shown.isEmpty()) {
					out.add(new BlockView("buttons", null, false, List.of(), shown));
				}
			}
		}
		return out;
	}

	static BlockView html(String safeHtml) {
		return new BlockView("html", safeHtml, false, List.of(), List.of());
	}
}
