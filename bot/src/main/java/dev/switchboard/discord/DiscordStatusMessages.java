package dev.switchboard.discord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentChanged;
import dev.switchboard.incident.Incidents;

/**
 * Keeps each incident's pinned status message current: after every committed change (from
 * Discord, Slack, the terminal, REST…) and every {@code status-refresh} for the elapsed time, the
 * message is re-rendered from the database and edited in place. The engine's event only schedules
 * the edit on a Discord worker, so a slow or unreachable Discord never holds up the engine. Changes
 * arriving while an edit is pending fold into it; edits of one incident run one at a time, each
 * reading the state when it starts, so a late edit never shows an older state.
 */
class DiscordStatusMessages {

	private static final Logger log = LoggerFactory.getLogger(DiscordStatusMessages.class);

	private final Incidents incidents;

	private final Conversation conversation;

	private final DiscordReplies replies;

	private final Executor workers;

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final ConcurrentHashMap<Long, Object> locks = new ConcurrentHashMap<>();

	DiscordStatusMessages(Incidents incidents, Conversation conversation, DiscordReplies replies, Executor workers) {
		this.incidents = incidents;
		this.conversation = conversation;
		this.replies = replies;
		this.workers = workers;
	}

	@EventListener
	void changed(IncidentChanged event) {
		schedule(event.incidentId());
	}

	/** Re-renders the status of every open incident that has one in Discord. */
	void refreshOpen() {
		for (Incident incident : incidents.list(true, 200)) {
			if (hasStatusMessage(incident)) {
				schedule(incident.id());
			}
		}
	}

	private void schedule(long id) {
		if (!pending.add(id)) {
			return;
		}
		try {
			workers.execute(() -> {
				pending.remove(id);
				refresh(id);
			});
		}
		catch (RejectedExecutionException ex) {
			pending.remove(id);
			log.warn("Discord workers are saturated; the status message of incident {} is edited at the next change", id);
		}
	}

	void refresh(long id) {
		synchronized (locks.computeIfAbsent(id, k -> new Object())) {
			Incident incident;
			try {
				incident = incidents.get(id);
			}
			catch (RuntimeException ex) {
				return;
			}
			if (!hasStatusMessage(incident)) {
				return;
			}
			var messages = incident.chat().messages();
			String channel = messages.getOrDefault(DiscordIncidentHome.STATUS_CHANNEL, incident.chat().channel());
			try {
				Reply status = conversation.command("status " + incident.humanId(), DiscordEventMapper.reader(channel, id));
				replies.edit(channel, messages.get(DiscordIncidentHome.STATUS), status);
			}
			catch (DiscordCallFailed ex) {
				log.warn("Could not edit the status message of {} on Discord: {}", incident.humanId(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.error("Could not edit the status message of {}", incident.humanId(), ex);
			}
			if (!incident.open()) {
				locks.remove(id);
			}
		}
	}

	private static boolean hasStatusMessage(Incident incident) {
		return DiscordEventMapper.PLATFORM.equals(incident.chat().platform()) && incident.chat().channel() != null
				&& incident.chat().messages().get(DiscordIncidentHome.STATUS) != null;
	}
}
