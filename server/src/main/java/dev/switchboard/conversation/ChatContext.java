package dev.switchboard.conversation;

/**
 * Who is talking, and where.
 *
 * @param personId the person the chat identity maps to in ownership.yaml, or null for an
 * unknown user (who may read but not act)
 * @param chatUser the platform's own user name or id, for messages to unknown users
 * @param platform {@code slack}, {@code discord}, {@code terminal}, {@code web}
 * @param channel the channel the command came from (null in the terminal)
 * @param incident the incident this conversation is about (the channel's, or the terminal session's), or null
 * @param requestKey the platform's id of this request (a click's action_ts, a command's trigger id) so a
 * retry or a double click is applied once; null when the platform gives none
 */
public record ChatContext(String personId, String chatUser, String platform, String channel, Long incident,
		String requestKey) {
}
