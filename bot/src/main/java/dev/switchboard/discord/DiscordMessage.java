package dev.switchboard.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A message within Discord's limits: content of at most 2,000 characters, at most five rows of
 * five buttons, and the only users it may ping. Allowed mentions are set on every send and edit:
 * nothing but the listed users is ever pinged, so {@code @everyone}, {@code @here}, roles or a
 * {@code <@id>} typed into a note or a runbook stay text.
 */
record DiscordMessage(String content, List<ActionRow> rows, Set<String> mentions) {

	DiscordMessage {
		rows = List.copyOf(rows);
		mentions = Set.copyOf(mentions);
	}

	static DiscordMessage text(String content) {
		return new DiscordMessage(content, List.of(), Set.of());
	}

	MessageCreateData create() {
		return new MessageCreateBuilder().setContent(content)
			.setComponents(rows)
			.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
			.mentionUsers(mentions)
			.build();
	}

	MessageEditData edit() {
		return new MessageEditBuilder().setContent(content)
			.setComponents(rows)
			.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
			.mentionUsers(mentions)
			.build();
	}
}
