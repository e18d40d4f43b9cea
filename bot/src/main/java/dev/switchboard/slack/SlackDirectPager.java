package dev.switchboard.slack;

import java.util.List;
import java.util.Objects;

import com.slack.api.model.block.LayoutBlock;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.ownership.Person;
import dev.switchboard.paging.Outcome;
import dev.switchboard.paging.PageMessage;
import dev.switchboard.paging.PageTarget;
import dev.switchboard.paging.Pager;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The built-in pager when Slack is configured: a direct message to each paged person with a Slack id,
 * naming the incident, the runbook and step, with an Acknowledge button (handled like every click,
 * by the conversation). Slack has no acknowledge or resolve of its own, so only triggers are sent.
 */
class SlackDirectPager implements Pager {

	private final SlackWebApi api;

	SlackDirectPager(SlackWebApi api) {
		this.api = api;
	}

	@Override
	public String name() {
		return "slack";
	}

	@Override
	public boolean configured() {
		return true;
	}

	@Override
	public boolean followsUp() {
		return false;
	}

	@Override
	public List<String> addresses(PageTarget target) {
		return target.people().stream().map(Person::slack).filter(Objects::nonNull).distinct().toList();
	}

	@Override
	public Outcome send(PageMessage message) {
		if (!"trigger".equals(message.action())) {
			return Outcome.delivered(0, "nothing to send to Slack for " + message.action());
		}
		long incident = IncidentIds.parse(message.incident()).orElseThrow();
		String ack = new ActionId(ActionId.Kind.ACK, incident, "page", 1).encode();
		String text = ":rotating_light: *You are paged" + (message.drill() ? " (DRILL)" : "") + ": " + message.incident() + " "
				+ message.severity().toUpperCase(java.util.Locale.ROOT) + "* — " + SlackRenderer.escape(message.title())
				+ "\nRunbook `" + message.runbook() + "`, step `" + message.step() + "`"
				+ (message.service() == null ? "" : ", service `" + message.service() + "`") + ". Paged as *"
				+ message.principal() + "*." + (message.link() == null ? "" : "\n<" + message.link() + "|Open on Switchboard>");
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
				actions(a -> a.blockId("page-ack").elements(List.of(button(b -> b.actionId(ack).style("primary").text(plainText("Acknowledge")))))));
		try {
			api.call("chat.postMessage", message.address(),
					m -> m.chatPostMessage(r -> r.channel(message.address()).text(message.summary()).blocks(blocks)));
			return Outcome.delivered(0, "direct message posted");
		}
		catch (SlackCallFailed ex) {
			String error = ex.error() == null ? "" : ex.error();
			boolean transientError = error.startsWith("http_") || error.contains("Exception") || error.contains("rate")
					|| error.contains("internal_error") || error.contains("service_unavailable") || error.contains("timeout");
			return transientError ? Outcome.retry(0, "Slack: " + error) : Outcome.refused(0, "Slack refused the DM: " + error);
		}
	}
}
