package dev.switchboard.discord;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.discord.*}: the bot's token and how it behaves in a server (guild).
 * Nothing Discord-related starts unless {@code token} is set (see {@link DiscordConfigured}).
 *
 * @param token the bot token from the Developer Portal, env {@code DISCORD_BOT_TOKEN}
 * @param guild the server (guild) id to register {@code /incident} in, env {@code DISCORD_GUILD_ID}: guild
 * commands apply at once; without it the command is registered globally
 * @param mode where a declared incident lives: its own {@code channel} or a {@code thread} on its status message
 * @param category the category (channel id) new incident channels go in, or none
 * @param channelPrefix incident channels and threads are named {@code <prefix>-<number>-<runbook>}
 * @param publicUrl where people reach this server, for links to incident pages when a message is cut
 * @param apiUrl Discord's REST base URL; only tests point it elsewhere
 * @param gatewayUrl Discord's gateway URL; only tests point it elsewhere
 * @param requestTimeout the longest one REST call may take, rate-limit waits included, before it counts as failed
 * @param workers threads doing the work after an interaction is deferred
 * @param queue interactions waiting for a worker before new ones are refused with "busy"
 * @param statusRefresh how often open incidents' pinned status messages are re-rendered (elapsed time)
 */
@ConfigurationProperties(prefix = "switchboard.discord", ignoreUnknownFields = false)
public record DiscordProperties(String token, String guild, @DefaultValue("channel") Home mode, String category,
		@DefaultValue("inc") String channelPrefix, String publicUrl,
		@DefaultValue("https://discord.com/api/v10/") String apiUrl,
		@DefaultValue("wss://gateway.discord.gg/") String gatewayUrl, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("4") int workers, @DefaultValue("500") int queue, @DefaultValue("5m") Duration statusRefresh) {

	/** Where a declared incident is worked. */
	public enum Home {
		CHANNEL, THREAD
	}

	public DiscordProperties {
		guild = blankToNull(guild);
		category = blankToNull(category);
		publicUrl = blankToNull(publicUrl) == null ? null : publicUrl.replaceAll("/+$", "");
		if (guild != null && !guild.matches("[0-9]{5,20}")) {
			throw new IllegalArgumentException("switchboard.discord.guild must be a server id (digits): '" + guild + "'");
		}
		if (category != null && !category.matches("[0-9]{5,20}")) {
			throw new IllegalArgumentException("switchboard.discord.category must be a category's channel id (digits): '" + category + "'");
		}
		if (channelPrefix == null || !channelPrefix.matches("[a-z0-9][a-z0-9_-]{0,20}")) {
			throw new IllegalArgumentException("switchboard.discord.channel-prefix must be lowercase letters, digits, - or _ "
					+ "(at most 21): '" + channelPrefix + "'");
		}
		if (workers < 1 || queue < 0) {
			throw new IllegalArgumentException("switchboard.discord.workers must be at least 1, .queue at least 0");
		}
		if (!apiUrl.endsWith("/")) {
			apiUrl = apiUrl + "/";
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
