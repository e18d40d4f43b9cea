package dev.switchboard.slack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;

/**
 * Where a declared incident is worked in Slack. In {@code channel} mode: a new channel
 * {@code inc-42-ai-outage}, the caller and the engaged owners invited, the status message posted
 * and pinned, then the first step; the caller's channel gets a pointer. In {@code thread} mode:
 * the status message is posted and pinned in the caller's channel and the steps go in its
 * thread. The channel and the status message's ts are stored on the incident, so its status
 * message can be edited on every change, also after a restart.
 */
class SlackIncidentHome {

	private static final Logger log = LoggerFactory.getLogger(SlackIncidentHome.class);

	/** Message keys in the incident's {@link ChatRef}. */
	static final String STATUS = "status";

	static final String THREAD = "thread";

	static final String ORIGIN = "origin";

	private final Conversation conversation;

	private final IncidentUpdates updates;

	private final Incidents incidents;

	private final SlackWebApi api;

	private final SlackReplies replies;

	private final SlackEventMapper mapper;

	private final SlackProperties properties;

	SlackIncidentHome(Conversation conversation, IncidentUpdates updates, Incidents incidents, SlackWebApi api,
			SlackReplies replies, SlackEventMapper mapper, SlackProperties properties) {
		this.conversation = conversation;
		this.updates = updates;
		this.incidents = incidents;
		this.api = api;
		this.replies = replies;
		this.mapper = mapper;
		this.properties = properties;
	}

	void open(Reply declared, ChatContext chat, SlashCommandPayload p) {
		long id = IncidentIds.parse(declared.incidentId()).orElseThrow();
		Incident incident = incidents.get(id);
		String origin = p.getChannelId();
		String channel = null;
		if (properties.mode() == SlackProperties.Home.CHANNEL) {
			try {
				channel = createChannel(incident);
			}
			catch (SlackCallFailed ex) {
				replies.couldNotPost(ex, "a channel for " + incident.humanId() + " (so it continues in this channel)", id,
						p.getResponseUrl(), origin, p.getUserId());
			}
		}
		Reply status = conversation.command("status " + incident.humanId(), SlackEventMapper.reader(origin, id));
		Reply step = conversation.command("step " + incident.humanId(), SlackEventMapper.reader(origin, id));
		if (channel != null) {
			updates.chat(id, new ChatRef(SlackEventMapper.PLATFORM, channel, Map.of(ORIGIN, origin)));
			invite(channel, people(chat, status));
			String statusTs = replies.post(channel, null, status);
			remember(id, channel, Map.of(ORIGIN, origin, STATUS, statusTs));
			pin(channel, statusTs);
			replies.post(channel, null, step);
			String pointer = ":rotating_light: *" + SlackRenderer.escape(incident.humanId() + " · " + incident.severity() + " · "
					+ incident.title()) + "* declared by <@" + p.getUserId() + ">: join <#" + channel + ">";
			replies.inChannel(p.getResponseUrl(), new SlackMessage(List.of(SectionBlock.builder()
				.text(MarkdownTextObject.builder().text(pointer).build())
				.build()), incident.humanId() + " declared: join the incident channel"));
			return;
		}
		String statusTs = replies.post(origin, null, status);
		remember(id, origin, Map.of(ORIGIN, origin, STATUS, statusTs, THREAD, statusTs));
		pin(origin, statusTs);
		replies.post(origin, statusTs, step);
	}

	/** {@code inc-42-ai-outage}; a taken name (another install, a reset database) gets {@code -2}, {@code -3}. */
	private String createChannel(Incident incident) {
		String base = name(properties.channelPrefix(), incident);
		for (int n = 1;; n++) {
			String name = n == 1 ? base : base.substring(0, Math.min(base.length(), 76)) + "-" + n;
			try {
				return api.call("conversations.create", null, m -> m.conversationsCreate(r -> r.name(name)
					.isPrivate(properties.privateChannels()))).getChannel().getId();
			}
			catch (SlackCallFailed ex) {
				if (!"name_taken".equals(ex.error()) || n >= 5) {
					throw ex;
				}
			}
		}
	}

	static String name(String prefix, Incident incident) {
		String slug = (incident.drill() ? "drill-" : "") + incident.runbookId();
		String name = (prefix + "-" + incident.id() + "-" + slug).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
			.replaceAll("-{2,}", "-").replaceAll("-$", "");
		return name.length() <= 80 ? name : name.substring(0, 80).replaceAll("-$", "");
	}

	/** The caller and every person mentioned in the status (the owners engaged), as Slack ids. */
	private List<String> people(ChatContext chat, Reply status) {
		Set<String> ids = new LinkedHashSet<>();
		ids.add(chat.chatUser());
		for (Block block : status.blocks()) {
			if (block instanceof Block.Paragraph paragraph) {
				for (Span span : paragraph.spans()) {
					if (span instanceof Span.Mention m) {
						mapper.slackIdOf(m.personId()).ifPresent(ids::add);
					}
				}
			}
		}
		return new ArrayList<>(ids);
	}

	/** One call for everybody; when Slack refuses it for one of them, one call each, so the others still get in. */
	private void invite(String channel, List<String> users) {
		try {
			api.call("conversations.invite", channel, m -> m.conversationsInvite(r -> r.channel(channel).users(users)));
		}
		catch (SlackCallFailed ex) {
			if (users.size() == 1) {
				log.info("Could not invite {} to {}: {}", users, channel, ex.error());
				return;
			}
			for (String user : users) {
				try {
					api.call("conversations.invite", channel, m -> m.conversationsInvite(r -> r.channel(channel).users(List.of(user))));
				}
				catch (SlackCallFailed one) {
					log.info("Could not invite {} to {}: {}", user, channel, one.error());
				}
			}
		}
	}

	private void pin(String channel, String ts) {
		try {
			replies.pin(channel, ts);
		}
		catch (SlackCallFailed ex) {
			log.warn("Could not pin the status message in {}: {}", channel, ex.getMessage());
		}
	}

	private void remember(long id, String channel, Map<String, String> messages) {
		updates.chat(id, new ChatRef(SlackEventMapper.PLATFORM, channel, new HashMap<>(messages)));
	}
}
