package dev.switchboard.conversation;

import java.util.List;

/**
 * One word a person may type to the bot, as every chat sees it: its names, whether it changes an incident (then only
 * people in ownership.yaml may use it), and the line {@code help} shows. {@link Conversation#verbs()} lists them; the
 * chats' own menus (Discord's slash command, the terminal's commands) are checked against that list.
 *
 * @param names the verb and its aliases, lower case
 * @param writes whether it acts (declares, walks, approves, notes…) rather than reads
 * @param usage how to type it, e.g. {@code note <text>}
 * @param summary what it does, one short line
 */
public record Verb(List<String> names, boolean writes, String usage, String summary) {

	public Verb {
		names = List.copyOf(names);
	}

	public String name() {
		return names.get(0);
	}

}
