package dev.switchboard.slack;

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
 * Keeps each incident's pinned status message current: after every committed change (from Slack,
 * the terminal, REST or another replica's bot…) and every {@code status-refresh} for the elapsed
 * time, the message is re-rendered from the database and edited in place. Changes arriving while
 * an edit is pending fold into it; edits of one incident run one at a time, each reading the
 * state when it starts, so a late edit never shows an older state.
 */
class SlackStatusMessages {

	private static final Logger log = LoggerFactory.getLogger(SlackStatusMessages.class);

	private final Incidents incidents;

	private final Conversation conversation;

	private final SlackReplies replies;

	private final Executor workers;

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final ConcurrentHashMap<Long, Object> locks = new ConcurrentHashMap<>();

	SlackStatusMessages(Incidents incidents, Conversation conversation, SlackReplies replies, Executor workers) {
		this.incidents = incidents;
		this.conversation = conversation;
		this.replies = replies;
		this.workers = workers;
	}

	@EventListener
	void changed(IncidentChanged event) {
		schedule(event.incidentId());
	}

	/** Re-renders the status of every open incident that has one in Slack. */
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
			log.warn("Slack workers are saturated; the status message of incident {} is edited at the next change", id);
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
			String channel = incident.chat().channel();
			try {
				Reply status = conversation.command("status " + incident.humanId(), SlackEventMapper.reader(channel, id));
				replies.update(channel, incident.chat().messages().get(SlackIncidentHome.STATUS), replies.render(status));
			}
			catch (SlackCallFailed ex) {
				replies.couldNotPost(ex, "the new status of " + incident.humanId(), id, null, channel, null);
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
		return SlackEventMapper.PLATFORM.equals(incident.chat().platform()) && incident.chat().channel() != null
				&& incident.chat().messages().get(SlackIncidentHome.STATUS) != null;
	}
}
