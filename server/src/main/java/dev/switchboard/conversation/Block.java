package dev.switchboard.conversation;

import java.util.List;
import java.util.stream.Collectors;

/** A block of a reply. Renderers map each kind to their own layout (Block Kit, embeds, terminal text). */
public sealed interface Block {

	String plainText();

	/** A title line; {@code drill} marks every message of a rehearsal. */
	record Header(String text, boolean drill) implements Block {

		@Override
		public String plainText() {
			return (drill ? "[DRILL] " : "") + text;
		}
	}

	/** Text with mentions. Markdown-ish: {@code `code`}, bullets and numbered lines are kept as typed. */
	record Paragraph(List<Span> spans) implements Block {

		public Paragraph {
			spans = List.copyOf(spans);
		}

		@Override
		public String plainText() {
			return spans.stream().map(Span::plainText).collect(Collectors.joining());
		}
	}

	record Fields(List<Field> fields) implements Block {

		public Fields {
			fields = List.copyOf(fields);
		}

		@Override
		public String plainText() {
			return fields.stream().map(f -> f.label() + ": " + f.value()).collect(Collectors.joining("\n"));
		}
	}

	record Field(String label, String value) {
	}

	/** A row of buttons, numbered in the order given. */
	record Buttons(List<Button> buttons) implements Block {

		public Buttons {
			buttons = List.copyOf(buttons);
		}

		@Override
		public String plainText() {
			StringBuilder out = new StringBuilder();
			for (Button b : buttons) {
				out.append("[").append(b.label()).append("] ");
			}
			return out.toString().strip();
		}
	}

	/**
	 * A button.
	 * @param confirm text of a confirmation dialog for anything that changes production, or null
	 */
	record Button(String label, String hint, ActionId action, Style style, String confirm) {
	}

	enum Style {
		PRIMARY, DANGER, DEFAULT
	}

	/** Small print: versions, times, strategy. */
	record Context(String text) implements Block {

		@Override
		public String plainText() {
			return text;
		}
	}
}
