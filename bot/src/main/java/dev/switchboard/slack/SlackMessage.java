package dev.switchboard.slack;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * A message ready for {@code chat.postMessage} / {@code chat.update}: Block Kit blocks within
 * Slack's limits and the plain {@code text} notifications and screen readers show.
 */
record SlackMessage(List<LayoutBlock> blocks, String text) {

	SlackMessage {
		blocks = List.copyOf(blocks);
	}
}
