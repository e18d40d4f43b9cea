package dev.switchboard.shell;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.system.ApiProperties;

/**
 * The terminal's side of the conversation: acts as the configured local operator, remembers the
 * incident being worked on (the last one declared or named), renders replies as text.
 */
@Component
class TerminalChat {

	private final Conversation conversation;

	private final ApiProperties api;

	private final ShellRenderer renderer = new ShellRenderer();

	private volatile Long incident;

	TerminalChat(Conversation conversation, ApiProperties api) {
		this.conversation = conversation;
		this.api = api;
	}

	String say(String text) {
		String operator = api.localOperator() == null || api.localOperator().isBlank() ? null : api.localOperator();
		ChatContext ctx = new ChatContext(operator, System.getProperty("user.name"), "terminal", null, incident,
				"terminal:" + UUID.randomUUID());
		Reply reply = conversation.command(text, ctx);
		if (reply.incidentId() != null) {
			IncidentIds.parse(reply.incidentId()).ifPresent(id -> incident = id);
		}
		return renderer.render(reply);
	}
}
