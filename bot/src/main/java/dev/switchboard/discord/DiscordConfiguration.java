package dev.switchboard.discord;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;

/**
 * Wires the Discord adapter when {@code switchboard.discord.token} is set and the server runs: the
 * JDA client, its listener and the handlers behind it. The client logs in once the application is
 * ready, on a thread of its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordConfigured.class)
// not in one-shot command mode (`switchboard.jar incident list`), which runs without a web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DiscordConfiguration {

	@Bean
	DiscordWorkers discordWorkers(DiscordProperties properties) {
		return new DiscordWorkers(properties.workers(), properties.queue());
	}

	@Bean
	DiscordEventMapper discordEventMapper(CatalogRegistry catalogs, Incidents incidents) {
		return new DiscordEventMapper(catalogs, incidents);
	}

	@Bean
	DiscordReplies discordReplies(DiscordApi api, DiscordEventMapper mapper, DiscordProperties properties) {
		return new DiscordReplies(api, new DiscordRenderer(properties.publicUrl()), mapper);
	}

	@Bean
	DiscordApi discordApi(DiscordProperties properties) {
		return new DiscordApi(properties.requestTimeout());
	}

	@Bean
	DiscordIncidentHome discordIncidentHome(Conversation conversation, IncidentUpdates updates, Incidents incidents,
			DiscordApi api, DiscordReplies replies, DiscordProperties properties) {
		return new DiscordIncidentHome(conversation, updates, incidents, api, replies, properties);
	}

	@Bean
	DiscordStatusMessages discordStatusMessages(Incidents incidents, Conversation conversation, DiscordReplies replies,
			DiscordWorkers workers) {
		return new DiscordStatusMessages(incidents, conversation, replies, workers::execute);
	}

	@Bean
	DiscordBot discordBot(DiscordProperties properties, Conversation conversation, DiscordEventMapper mapper,
			DiscordIncidentHome homes, Incidents incidents, CatalogRegistry catalogs, DiscordWorkers workers,
			DiscordReplies replies, DiscordApi api) {
		DiscordListener listener = new DiscordListener(properties,
				new DiscordCommands(conversation, mapper, replies, homes, workers::execute),
				new DiscordClicks(conversation, mapper, replies, incidents, workers::execute),
				new DiscordAutocomplete(catalogs, incidents, workers::execute));
		return new DiscordBot(properties, listener, api);
	}

	/** Logs in once the server is up, and starts the status refresh. */
	@EventListener(ApplicationReadyEvent.class)
	void ready(ApplicationReadyEvent event) {
		var context = event.getApplicationContext();
		context.getBean(DiscordBot.class).start();
		DiscordProperties properties = context.getBean(DiscordProperties.class);
		DiscordStatusMessages statuses = context.getBean(DiscordStatusMessages.class);
		context.getBeanProvider(TaskScheduler.class).ifAvailable(scheduler -> scheduler.scheduleWithFixedDelay(
				statuses::refreshOpen, Instant.now().plus(properties.statusRefresh()), properties.statusRefresh()));
	}
}
