package dev.switchboard.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.Incidents;

/**
 * {@code /incident …}: acknowledged at once with a "working…" line, then run on a Slack worker:
 * the conversation answers, a declaration opens the incident's home (channel or thread), other
 * replies go to the incident's home or back to the caller.
 */
class SlackCommands {

	private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

	private final Conversation conversation;

	private final SlackEventMapper mapper;

	private final SlackReplies replies;

	private final SlackIncidentHome homes;

	private final Incidents incidents;

	private final Executor workers;

	SlackCommands(Conversation conversation, SlackEventMapper mapper, SlackReplies replies, SlackIncidentHome homes,
			Incidents incidents, Executor workers) {
		this.conversation = conversation;
		this.mapper = mapper;
		this.replies = replies;
		this.homes = homes;
		this.incidents = incidents;
		this.workers = workers;
	}

	/** Bolt's handler: only hands the work over and acknowledges. */
	Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
		SlashCommandPayload p = request.getPayload();
		try {
			workers.execute(() -> run(p));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Slack workers are saturated; refused {} {}", p.getCommand(), p.getText());
			return ctx.ack(":hourglass: Switchboard is busy; nothing was done. Try again in a minute.");
		}
		// Slack sends the text with &, < and > escaped: unescape once, so the escape below is the only one.
		String typed = (p.getCommand() + " " + SlackEventMapper.commandText(p)).strip();
		return ctx.ack(":hourglass_flowing_sand: `" + SlackRenderer.escape(SlackRenderer.clip(typed, 200)) + "` working…");
	}

	void run(SlashCommandPayload p) {
		Reply reply = null;
		ChatContext chat = null;
		try {
			chat = mapper.context(p.getUserId(), p.getChannelId(), SlackEventMapper.commandKey(p));
			reply = conversation.command(SlackEventMapper.commandText(p), chat);
			if (reply.declared()) {
				homes.open(reply, chat, p);
			}
			else if (reply.ephemeral()) {
				replies.ephemeral(p.getResponseUrl(), p.getChannelId(), p.getUserId(), reply, true);
			}
			else {
				publish(reply, p);
			}
		}
		catch (SlackCallFailed ex) {
			replies.couldNotPost(ex, "the answer to `" + p.getCommand() + " " + p.getText() + "`", incidentOf(reply, chat),
					p.getResponseUrl(), p.getChannelId(), p.getUserId());
		}
		catch (RuntimeException ex) {
			log.error("Slack command '{} {}' failed", p.getCommand(), p.getText(), ex);
			try {
				replies.ephemeral(p.getResponseUrl(), p.getChannelId(), p.getUserId(), Reply.ephemeral(
						"Something went wrong on the Switchboard server; anything already recorded is kept. Error: " + ex.getClass().getSimpleName()),
						true);
			}
			catch (SlackCallFailed notice) {
				log.error("…and the caller could not be told: {}", notice.getMessage());
			}
		}
	}

	/** A reply everyone should see: in the incident's home when typed there, else where it was typed. */
	private void publish(Reply reply, SlashCommandPayload p) {
		Incident incident = reply.incidentId() == null ? null
				: IncidentIds.parse(reply.incidentId()).stream().mapToObj(incidents::get).findFirst().orElse(null);
		if (incident != null && SlackEventMapper.PLATFORM.equals(incident.chat().platform())
				&& p.getChannelId().equals(incident.chat().channel())) {
			replies.post(incident.chat().channel(), incident.chat().messages().get(SlackIncidentHome.THREAD), reply);
			return;
		}
		replies.inChannel(p.getResponseUrl(), reply);
	}

	private static Long incidentOf(Reply reply, ChatContext chat) {
		if (reply != null && reply.incidentId() != null) {
			var id = IncidentIds.parse(reply.incidentId());
			if (id.isPresent()) {
				return id.getAsLong();
			}
		}
		return chat == null ? null : chat.incident();
	}
}
