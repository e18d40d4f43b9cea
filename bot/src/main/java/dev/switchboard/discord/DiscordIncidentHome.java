package dev.switchboard.discord;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.dv8tion.jda.api.interactions.InteractionHook;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;

/**
 * Where a declared incident is worked in Discord. In {@code channel} mode: a new text channel
 * {@code inc-42-ai-outage}, the status message posted there (mentioning the engaged owners and
 * on-call people, which pings them) and pinned, then the first step; the channel it was declared
 * in gets a pointer. In {@code thread} mode: the status message is posted and pinned in the
 * caller's channel and a thread is started on it for the steps. The channel and the status
 * message's id are stored on the incident, so the status can be edited on every change, also after
 * a restart.
 */
class DiscordIncidentHome {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DiscordIncidentHome.class);

	/** Message keys in the incident's {@link ChatRef}. */
	static final String STATUS = "status";

	/** The channel the status message is in (the thread's parent in thread mode). */
	static final String STATUS_CHANNEL = "status-channel";

	static final String ORIGIN = "origin";

	private final Conversation conversation;

	private final IncidentUpdates updates;

	private final Incidents incidents;

	private final DiscordApi api;

	private final DiscordReplies replies;

	private final DiscordProperties properties;

	DiscordIncidentHome(Conversation conversation, IncidentUpdates updates, Incidents incidents, DiscordApi api,
			DiscordReplies replies, DiscordProperties properties) {
		this.conversation = conversation;
		this.updates = updates;
		this.incidents = incidents;
		this.api = api;
		this.replies = replies;
		this.properties = properties;
	}

	void open(Reply declared, String guild, String origin, String caller, InteractionHook hook) {
		long id = IncidentIds.parse(declared.incidentId()).orElseThrow();
		Incident incident = incidents.get(id);
		Reply status = conversation.command("status " + incident.humanId(), DiscordEventMapper.reader(origin, id));
		Reply step = conversation.command("step " + incident.humanId(), DiscordEventMapper.reader(origin, id));
		String name = name(properties.channelPrefix(), incident);
		String home = null;
		if (properties.mode() == DiscordProperties.Home.CHANNEL && guild != null) {
			try {
				home = api.createChannel(guild, name, properties.category());
			}
			catch (DiscordCallFailed ex) {
				replies.couldNotPost(ex, "a channel for " + incident.humanId() + " (so it continues in this channel)", id, hook, false);
			}
		}
		if (home != null) {
			String statusId = replies.post(home, status);
			remember(id, home, Map.of(ORIGIN, origin, STATUS, statusId, STATUS_CHANNEL, home));
			pin(home, statusId);
			replies.post(home, step);
			String pointer = ":rotating_light: **" + DiscordRenderer.neutral(incident.humanId() + " · " + incident.severity() + " · "
					+ incident.title()) + "** declared by <@" + caller + ">: join <#" + home + ">";
			replies.answer(hook, DiscordMessage.text(incident.humanId() + " declared: <#" + home + ">"));
			try {
				replies.post(origin, DiscordMessage.text(pointer));
			}
			catch (DiscordCallFailed ex) {
				// the caller knows where it lives; others in the channel just miss the pointer (no Send Messages there)
				log.info("Could not post the pointer to {} in {}: {}", incident.humanId(), origin, ex.getMessage());
			}
			return;
		}
		String statusId = replies.post(origin, status);
		String thread = null;
		if (properties.mode() == DiscordProperties.Home.THREAD) {
			try {
				thread = api.createThread(origin, statusId, name);
			}
			catch (DiscordCallFailed ex) {
				replies.couldNotPost(ex, "a thread for " + incident.humanId() + " (so it continues in this channel)", id, hook, false);
			}
		}
		String steps = thread == null ? origin : thread;
		remember(id, steps, Map.of(ORIGIN, origin, STATUS, statusId, STATUS_CHANNEL, origin));
		pin(origin, statusId);
		replies.post(steps, step);
		replies.answer(hook, DiscordMessage.text(incident.humanId() + " declared: <#" + steps + ">"));
	}

	/** {@code inc-42-ai-outage}: lowercase letters, digits and dashes, at most 100 characters (Discord's channel name limit). */
	static String name(String prefix, Incident incident) {
		String slug = (incident.drill() ? "drill-" : "") + incident.runbookId();
		String name = (prefix + "-" + incident.id() + "-" + slug).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
			.replaceAll("-{2,}", "-").replaceAll("-$", "");
		return name.length() <= 100 ? name : name.substring(0, 100).replaceAll("-$", "");
	}

	private void pin(String channel, String messageId) {
		try {
			replies.pin(channel, messageId);
		}
		catch (DiscordCallFailed ex) {
			log.warn("Could not pin the status message in {}: {}", channel, ex.getMessage());
		}
	}

	private void remember(long id, String channel, Map<String, String> messages) {
		updates.chat(id, new ChatRef(DiscordEventMapper.PLATFORM, channel, new HashMap<>(messages)));
	}
}
