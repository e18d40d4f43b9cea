package dev.switchboard.conversation;

import java.util.List;

/**
 * What the bot says, platform-neutral.
 *
 * @param ephemeral only the person who asked should see it
 * @param incidentId the incident it is about ({@code INC-42}), or null
 * @param declared true when this reply announces a newly declared incident (chats may open a channel)
 */
public record Reply(List<Block> blocks, boolean ephemeral, String incidentId, boolean declared) {

	public Reply {
		blocks = List.copyOf(blocks);
	}

	public static Reply ephemeral(String text) {
		return new Reply(List.of(new Block.Paragraph(List.of(new Span.Plain(text)))), true, null, false);
	}

	/** Everything as plain text, for logs, tests and terminals without colour. */
	public String plainText() {
		StringBuilder out = new StringBuilder();
		for (Block block : blocks) {
			out.append(block.plainText()).append('\n');
		}
		return out.toString().strip();
	}
}
