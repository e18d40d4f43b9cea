package dev.switchboard.slack;

import java.util.List;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.Incidents;

/**
 * Delivers conversation replies to Slack through {@link SlackWebApi}: posts, edits in place,
 * ephemeral answers (by {@code response_url} when the request has one, else
 * {@code chat.postEphemeral}), and the notice that tells the requester and the incident's
 * commander when a message could not be posted.
 */
class SlackReplies {

	private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

	private final SlackWebApi api;

	private final SlackRenderer renderer;

	private final SlackEventMapper mapper;

	private final Incidents incidents;

	SlackReplies(SlackWebApi api, SlackRenderer renderer, SlackEventMapper mapper, Incidents incidents) {
		this.api = api;
		this.renderer = renderer;
		this.mapper = mapper;
		this.incidents = incidents;
	}

	SlackMessage render(Reply reply) {
		return renderer.render(reply, mapper::slackIdOf);
	}

	/** Posts {@code reply} to {@code channel} (in the thread {@code threadTs}, when not null); returns its ts. */
	String post(String channel, String threadTs, Reply reply) {
		return post(channel, threadTs, render(reply));
	}

	String post(String channel, String threadTs, SlackMessage message) {
		return api.call("chat.postMessage", channel, m -> m.chatPostMessage(r -> r.channel(channel)
			.threadTs(threadTs)
			.blocks(message.blocks())
			.text(message.text())
			.unfurlLinks(false))).getTs();
	}

	void update(String channel, String ts, SlackMessage message) {
		api.call("chat.update", channel, m -> m.chatUpdate(r -> r.channel(channel).ts(ts).blocks(message.blocks()).text(message.text())));
	}

	void pin(String channel, String ts) {
		api.call("pins.add", channel, m -> m.pinsAdd(r -> r.channel(channel).timestamp(ts)));
	}

	/** Only {@code user} sees it. {@code replaceOriginal} replaces the message the response_url belongs to. */
	void ephemeral(String responseUrl, String channel, String user, Reply reply, boolean replaceOriginal) {
		SlackMessage message = render(reply);
		if (responseUrl != null) {
			try {
				api.respond(responseUrl, response("ephemeral", message.text(), message.blocks(), replaceOriginal));
				return;
			}
			catch (SlackCallFailed ex) {
				// expired or used up (5 posts in 30 minutes): fall back to chat.postEphemeral when we know where and to whom
				if (channel == null || user == null) {
					throw ex;
				}
				log.info("response_url refused ({}); answering by chat.postEphemeral", ex.error());
			}
		}
		api.call("chat.postEphemeral", channel, m -> m.chatPostEphemeral(r -> r.channel(channel).user(user)
			.blocks(message.blocks())
			.text(message.text())));
	}

	/** A message everyone in the channel of the {@code response_url} sees. */
	void inChannel(String responseUrl, Reply reply) {
		inChannel(responseUrl, render(reply));
	}

	void inChannel(String responseUrl, SlackMessage message) {
		api.respond(responseUrl, response("in_channel", message.text(), message.blocks(), false));
	}

	/** Replaces the message a click's {@code response_url} belongs to (the only way to edit an ephemeral one). */
	void replaceByResponseUrl(String responseUrl, SlackMessage message) {
		api.respond(responseUrl, response(null, message.text(), message.blocks(), true));
	}

	/**
	 * Tells the requester (by {@code responseUrl}) and the incident's commander (ephemeral in
	 * {@code channel}) that a message could not be posted. Nothing is lost: the incident was
	 * written before any post was tried.
	 */
	void couldNotPost(SlackCallFailed failure, String what, Long incident, String responseUrl, String channel,
			String requester) {
		log.warn("Could not post {} to Slack: {}", what, failure.getMessage());
		String about = incident == null ? "" : " " + IncidentIds.format(incident) + " is saved with its whole timeline: `/incident status "
				+ IncidentIds.format(incident) + "` and `/incident timeline " + IncidentIds.format(incident) + "` show it.";
		String text = ":warning: Switchboard could not post " + what + " to Slack (" + failure.method() + ": "
				+ failure.error() + ", " + failure.attempts() + (failure.attempts() == 1 ? " attempt" : " attempts") + ")." + about;
		Reply notice = Reply.ephemeral(text);
		String commander = incident == null ? null : commanderSlackId(incident);
		if (responseUrl != null && !"response_url".equals(failure.method())) {
			tryTo(() -> ephemeral(responseUrl, channel, requester, notice, false));
		}
		if (channel != null && commander != null && (!commander.equals(requester) || responseUrl == null
				|| "response_url".equals(failure.method()))) {
			tryTo(() -> ephemeral(null, channel, commander, notice, false));
		}
	}

	private String commanderSlackId(long incident) {
		try {
			return mapper.slackIdOf(incidents.get(incident).commander()).orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void tryTo(Runnable notice) {
		try {
			notice.run();
		}
		catch (SlackCallFailed ex) {
			log.error("Could not tell anyone that a Slack message was lost either: {}", ex.getMessage());
		}
	}

	private static ActionResponse response(String type, String text, List<LayoutBlock> blocks, boolean replaceOriginal) {
		return ActionResponse.builder().responseType(type).text(text).blocks(blocks).replaceOriginal(replaceOriginal).build();
	}
}
