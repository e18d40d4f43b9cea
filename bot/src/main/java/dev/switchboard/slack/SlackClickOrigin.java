package dev.switchboard.slack;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.Incidents;

/**
 * Binds a click to the message it came from: a button of INC-2 pressed on a message that belongs
 * to another incident (in that incident's channel, or its thread in thread mode) is refused, so a
 * forged or mis-rendered payload can neither advance INC-2 from there nor overwrite the other
 * incident's message. Clicks on ephemeral messages (answered only to the clicker) and on messages
 * in channels that are no incident's home (a status shown in #general) stay allowed.
 */
final class SlackClickOrigin {

	private final Incidents incidents;

	SlackClickOrigin(Incidents incidents) {
		this.incidents = incidents;
	}

	/** Why the click is refused, or empty when it may go ahead. */
	Optional<String> refusal(BlockActionPayload p, ActionId pressed, String channel, String thread) {
		boolean ephemeral = p.getContainer() != null && p.getContainer().isEphemeral();
		if (ephemeral || channel == null) {
			return Optional.empty();
		}
		Optional<Incident> home = incidents.inChannel(SlackEventMapper.PLATFORM, channel);
		Incident button;
		try {
			button = incidents.get(pressed.incidentId());
		}
		catch (IncidentException unknown) {
			return Optional.empty(); // the conversation answers an unknown incident itself
		}
		boolean sameChannel = SlackEventMapper.PLATFORM.equals(button.chat().platform())
				&& channel.equals(button.chat().channel());
		if (!sameChannel) {
			if (home.isPresent() && home.get().id() != button.id()) {
				return Optional.of(refuse(button, home.get().humanId()));
			}
			return Optional.empty();
		}
		String ownThread = button.chat().messages().get(SlackIncidentHome.THREAD);
		if (ownThread != null && thread != null && !ownThread.equals(thread)) {
			return Optional.of(refuse(button, "another incident's thread"));
		}
		return Optional.empty();
	}

	private static String refuse(Incident button, String where) {
		return ":no_entry: That button belongs to " + button.humanId() + ", but it was pressed on a message of " + where
				+ ". Nothing was changed; use " + button.humanId() + "'s own messages.";
	}
}
