package dev.switchboard.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * JDA's events, on JDA's event thread: registers {@code /incident} once the gateway is ready and
 * hands each interaction to its handler, which defers it and returns at once.
 */
class DiscordListener extends ListenerAdapter {

	private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

	private final DiscordProperties properties;

	private final DiscordCommands commands;

	private final DiscordClicks clicks;

	private final DiscordAutocomplete autocomplete;

	DiscordListener(DiscordProperties properties, DiscordCommands commands, DiscordClicks clicks,
			DiscordAutocomplete autocomplete) {
		this.properties = properties;
		this.commands = commands;
		this.clicks = clicks;
		this.autocomplete = autocomplete;
	}

	/**
	 * Registers the command: in the configured server (applies at once), else globally. Both calls
	 * replace the whole set, so a verb removed from Switchboard disappears from Discord too.
	 */
	@Override
	public void onReady(ReadyEvent event) {
		JDA jda = event.getJDA();
		if (properties.guild() != null) {
			Guild guild = jda.getGuildById(properties.guild());
			if (guild == null) {
				log.error("Discord: the bot is not in server {} (switchboard.discord.guild); invite it (README: Connect to Discord)",
						properties.guild());
				return;
			}
			guild.updateCommands().addCommands(IncidentSlashCommand.definition()).queue(
					done -> log.info("Discord: /incident registered in server {}", guild.getName()),
					failure -> log.error("Discord: could not register /incident: {}", failure.getMessage()));
			return;
		}
		jda.updateCommands().addCommands(IncidentSlashCommand.definition()).queue(
				done -> log.info("Discord: /incident registered globally"),
				failure -> log.error("Discord: could not register /incident: {}", failure.getMessage()));
	}

	@Override
	public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
		if (IncidentSlashCommand.NAME.equals(event.getName())) {
			commands.handle(event);
		}
	}

	@Override
	public void onButtonInteraction(ButtonInteractionEvent event) {
		clicks.handle(event);
	}

	@Override
	public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
		if (IncidentSlashCommand.NAME.equals(event.getName())) {
			autocomplete.handle(event);
		}
	}
}
