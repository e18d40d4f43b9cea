package dev.switchboard.incident;

import java.util.Map;

/** Where an incident lives in chat: platform, channel, and message ids by purpose (status, step). */
public record ChatRef(String platform, String channel, Map<String, String> messages) {

	public static final ChatRef NONE = new ChatRef(null, null, Map.of());

	public ChatRef {
		messages = messages == null ? Map.of() : Map.copyOf(messages);
	}
}
