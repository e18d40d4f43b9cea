package dev.switchboard.discord;

import java.time.Duration;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The JDA client: logs in on a thread of its own after the server has started, so an unreachable
 * Discord never delays startup, the engine or the other chats; a failed login is retried with a
 * growing pause (a rejected token is not). No privileged intent: slash commands and buttons arrive
 * as interactions, and the only intent asked for is GUILDS (channels and threads to post in), which
 * JDA always requests.
 */
class DiscordBot implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

	private final DiscordProperties properties;

	private final EventListener listener;

	private final DiscordApi api;

	private volatile boolean stopped;

	private Thread login;

	DiscordBot(DiscordProperties properties, EventListener listener, DiscordApi api) {
		this.properties = properties;
		this.listener = listener;
		this.api = api;
	}

	synchronized void start() {
		if (login != null) {
			return;
		}
		login = new Thread(this::connect, "discord-login");
		login.setDaemon(true);
		login.start();
	}

	private void connect() {
		Duration pause = Duration.ofSeconds(5);
		while (!stopped) {
			try {
				api.connected(builder().build());
				log.info("Discord: logged in; the gateway connects in the background");
				return;
			}
			catch (InvalidTokenException ex) {
				log.error("Discord rejected the bot token (switchboard.discord.token / DISCORD_BOT_TOKEN); the Discord bot stays off");
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Discord could not be reached ({}); retrying in {} s", ex.getMessage(), pause.toSeconds());
			}
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			pause = pause.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : pause.multipliedBy(2);
		}
	}

	private JDABuilder builder() {
		String gateway = properties.gatewayUrl();
		return JDABuilder.createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
			.setRestConfig(new RestConfig().setBaseUrl(properties.apiUrl()))
			.setSessionController(new SessionControllerAdapter() {
				@Override
				public String getGateway() {
					return gateway;
				}
			})
			// plain JSON frames; the bot receives few events (GUILDS only), so compression saves little
			.setCompression(Compression.NONE)
			.setEnableShutdownHook(false)
			.addEventListeners(listener);
	}

	@Override
	public void destroy() {
		stopped = true;
		if (login != null) {
			login.interrupt();
		}
		api.jda().ifPresent(JDA::shutdown);
		api.connected(null);
	}
}
