package dev.switchboard.discord;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;

import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.IncidentIds;

/**
 * {@code /incident …}: deferred at once (privately: Discord shows the caller "thinking…"), then
 * run on a Discord worker. The conversation answers; a declaration opens the incident's home
 * (channel or thread); a reply for everyone is posted in the channel it was typed in; any other
 * reply replaces the caller's private "thinking…".
 */
class DiscordCommands {

	private static final Logger log = LoggerFactory.getLogger(DiscordCommands.class);

	/** What one slash command is, read on JDA's event thread before the work is handed over. */
	record Invocation(String line, String guild, String channel, String user, String userName, String key,
			InteractionHook hook) {
	}

	private final Conversation conversation;

	private final DiscordEventMapper mapper;

	private final DiscordReplies replies;

	private final DiscordIncidentHome homes;

	private final Executor workers;

	DiscordCommands(Conversation conversation, DiscordEventMapper mapper, DiscordReplies replies, DiscordIncidentHome homes,
			Executor workers) {
		this.conversation = conversation;
		this.mapper = mapper;
		this.replies = replies;
		this.homes = homes;
		this.workers = workers;
	}

	/** JDA's event thread: defer, hand over, return. */
	void handle(SlashCommandInteractionEvent event) {
		if (event.getGuild() == null) {
			event.reply("Switchboard works in a server's channels, not in direct messages.").setEphemeral(true).queue();
			return;
		}
		String line;
		try {
			line = IncidentSlashCommand.line(event.getSubcommandName(),
					name -> event.getOption(name) == null ? null : event.getOption(name).getAsString());
		}
		catch (IllegalArgumentException ex) {
			event.reply(ex.getMessage() + " Nothing was done.").setEphemeral(true).queue();
			return;
		}
		event.deferReply(true).queue(null, failure -> log.warn("Could not defer /incident {}: {}", line, failure.getMessage()));
		String guild = event.getGuild().getId();
		Invocation invocation = new Invocation(line, guild, event.getChannel().getId(), event.getUser().getId(),
				event.getUser().getName(), DiscordEventMapper.commandKey(guild, event.getId()), event.getHook());
		try {
			workers.execute(() -> run(invocation));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Discord workers are saturated; refused /incident {}", line);
			replies.answerLater(invocation.hook(), DiscordMessage.text(":hourglass: Switchboard is busy; nothing was done. Try again in a minute."));
		}
	}

	void run(Invocation in) {
		Reply reply = null;
		ChatContext chat = null;
		try {
			chat = mapper.context(in.user(), in.userName(), in.channel(), in.key());
			reply = conversation.command(in.line(), chat);
			if (reply.declared()) {
				homes.open(reply, in.guild(), in.channel(), in.user(), in.hook());
			}
			else if (reply.ephemeral()) {
				replies.answer(in.hook(), reply);
			}
			else {
				replies.post(in.channel(), reply);
				replies.answer(in.hook(), DiscordMessage.text("Done: posted in this channel."));
			}
		}
		catch (DiscordCallFailed ex) {
			replies.couldNotPost(ex, "the answer to `/incident " + in.line() + "`", incidentOf(reply, chat), in.hook(), true);
		}
		catch (RuntimeException ex) {
			log.error("Discord command '/incident {}' failed", in.line(), ex);
			replies.answer(in.hook(), DiscordMessage.text(
					"Something went wrong on the Switchboard server; anything already recorded is kept. Error: " + ex.getClass().getSimpleName()));
		}
	}

	private static Long incidentOf(Reply reply, ChatContext chat) {
		if (reply != null && reply.incidentId() != null) {
			var id = IncidentIds.parse(reply.incidentId());
			if (id.isPresent()) {
				return id.getAsLong();
			}
		}
		return chat == null ? null : chat.incident();
	}
}
