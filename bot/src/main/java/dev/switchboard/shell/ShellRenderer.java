package dev.switchboard.shell;

import java.util.List;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

/**
 * A reply as terminal text: headers underlined, fields aligned, mentions as {@code @Name},
 * choice buttons numbered for {@code choose N} and action buttons for {@code run N}.
 */
final class ShellRenderer {

	String render(Reply reply) {
		StringBuilder out = new StringBuilder();
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Header h) {
				String text = (h.drill() ? "[DRILL] " : "") + h.text();
				out.append('\n').append(text).append('\n').append("=".repeat(Math.min(text.length(), 78))).append('\n');
			}
			else if (block instanceof Block.Paragraph p) {
				out.append(spans(p.spans())).append("\n\n");
			}
			else if (block instanceof Block.Fields f) {
				int width = f.fields().stream().mapToInt(x -> x.label().length()).max().orElse(0);
				f.fields().forEach(x -> out.append(String.format("  %-" + width + "s  %s%n", x.label(), x.value())));
				out.append('\n');
			}
			else if (block instanceof Block.Buttons b) {
				buttons(b.buttons(), out);
			}
			else if (block instanceof Block.Context c) {
				out.append("  ").append(c.text()).append('\n');
			}
		}
		return TerminalText.neutralise(out.toString().stripTrailing());
	}

	private static void buttons(List<Block.Button> buttons, StringBuilder out) {
		ActionId.Kind kind = buttons.isEmpty() ? ActionId.Kind.CHOOSE : buttons.get(0).action().kind();
		out.append(switch (kind) {
			case RUN -> "Actions (run N):\n";
			case APPROVE -> "Waiting for a second approver (approve N <plan>):\n";
			case ROLLBACK, RENEW -> "Route changes in effect (rollback <route> | renew <route>):\n";
			default -> "Choices (choose N):\n";
		});
		int n = 0;
		for (Block.Button button : buttons) {
			ActionId action = button.action();
			n++;
			String command = action.kind() == ActionId.Kind.APPROVE ? "approve " + action.index() + " " + action.plan() + ": "
					: "";
			int number = action.kind() == ActionId.Kind.ROLLBACK || action.kind() == ActionId.Kind.RENEW ? n : action.index();
			out.append(String.format("  %d) %s%s%s%n", number, command, button.label(),
					button.hint() == null ? "" : " — " + button.hint()));
		}
		out.append('\n');
	}

	private static String spans(List<Span> spans) {
		StringBuilder out = new StringBuilder();
		for (Span span : spans) {
			out.append(span.plainText());
		}
		return out.toString().strip();
	}
}
