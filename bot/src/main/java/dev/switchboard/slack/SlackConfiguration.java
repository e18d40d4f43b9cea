package dev.switchboard.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
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
 * Wires the Slack adapter when {@code switchboard.slack.bot-token} is set and the server runs: the Web API client,
 * the Bolt app with its two handlers ({@code /incident} and button clicks), and either the HTTP
 * endpoint {@code /slack/events} or a Socket Mode connection.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackConfigured.class)
// not in one-shot command mode (`switchboard.jar incident list`), which runs without a web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SlackConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

	@Bean
	Slack slack(SlackProperties properties) {
		SlackConfig config = new SlackConfig();
		if (properties.apiUrl() != null) {
			config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		}
		int timeout = (int) Math.min(Integer.MAX_VALUE, properties.requestTimeout().toMillis());
		config.setHttpClientReadTimeoutMillis(timeout);
		config.setHttpClientWriteTimeoutMillis(timeout);
		config.setHttpClientCallTimeoutMillis(timeout);
		config.setStatsEnabled(false);
		return Slack.getInstance(config);
	}

	@Bean
	SlackWorkers slackWorkers(SlackProperties properties) {
		return new SlackWorkers(properties.workers(), properties.queue());
	}

	@Bean
	SlackWebApi slackWebApi(Slack slack, SlackProperties properties) {
		return new SlackWebApi(slack, properties);
	}

	/** The built-in pager: a direct message with an Acknowledge button ({@code switchboard.paging.slack.enabled}). */
	@Bean
	@ConditionalOnProperty(prefix = "switchboard.paging.slack", name = "enabled", havingValue = "true", matchIfMissing = true)
	SlackDirectPager slackDirectPager(SlackWebApi api) {
		return new SlackDirectPager(api);
	}

	@Bean
	SlackEventMapper slackEventMapper(CatalogRegistry catalogs, Incidents incidents) {
		return new SlackEventMapper(catalogs, incidents);
	}

	@Bean
	SlackReplies slackReplies(SlackWebApi api, SlackEventMapper mapper, Incidents incidents, SlackProperties properties) {
		return new SlackReplies(api, new SlackRenderer(properties.publicUrl()), mapper, incidents);
	}

	@Bean
	SlackIncidentHome slackIncidentHome(Conversation conversation, IncidentUpdates updates, Incidents incidents,
			SlackWebApi api, SlackReplies replies, SlackEventMapper mapper, SlackProperties properties) {
		return new SlackIncidentHome(conversation, updates, incidents, api, replies, mapper, properties);
	}

	@Bean
	SlackCommands slackCommands(Conversation conversation, SlackEventMapper mapper, SlackReplies replies,
			SlackIncidentHome homes, Incidents incidents, SlackWorkers workers) {
		return new SlackCommands(conversation, mapper, replies, homes, incidents, workers::execute);
	}

	@Bean
	SlackClicks slackClicks(Conversation conversation, SlackEventMapper mapper, SlackReplies replies, SlackWorkers workers,
			Incidents incidents) {
		return new SlackClicks(conversation, mapper, replies, workers::execute, new SlackClickOrigin(incidents));
	}

	@Bean
	SlackRouteAlerts slackRouteAlerts(dev.switchboard.conversation.RouteAlertReplies alerts, SlackReplies replies,
			SlackWorkers workers) {
		return new SlackRouteAlerts(alerts, replies, workers::execute);
	}

	@Bean
	SlackStatusMessages slackStatusMessages(Incidents incidents, Conversation conversation, SlackReplies replies,
			SlackWorkers workers) {
		return new SlackStatusMessages(incidents, conversation, replies, workers::execute);
	}

	@Bean
	App slackApp(Slack slack, SlackProperties properties, SlackCommands commands, SlackClicks clicks) {
		AppConfig config = AppConfig.builder()
			.slack(slack)
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.signingSecret())
			// SlackEndpoint checks signatures on the raw bytes before anything is parsed, in both time directions.
			.requestVerificationEnabled(false)
			// auth.test once at start, not again on the acknowledgement path
			.authTestCacheExpirationMillis(-1)
			.build();
		App app = new App(config);
		app.command(properties.command(), commands::handle);
		app.blockAction(Pattern.compile(".+"), clicks::handle);
		return app;
	}

	@Bean
	@ConditionalOnProperty(prefix = "switchboard.slack", name = "transport", havingValue = "http", matchIfMissing = true)
	ServletRegistrationBean<SlackEndpoint> slackEndpoint(App app, SlackProperties properties, Clock clock, SlackClicks clicks) {
		SlackSignatureCheck signatures = new SlackSignatureCheck(properties.signingSecret(), clock,
				properties.timestampTolerance());
		ServletRegistrationBean<SlackEndpoint> registration = new ServletRegistrationBean<>(
				new SlackEndpoint(app, signatures, new SlackClickPayloads(), clicks), "/slack/events");
		registration.setName("slackEndpoint");
		return registration;
	}

	@Bean
	@ConditionalOnProperty(prefix = "switchboard.slack", name = "transport", havingValue = "socket-mode")
	SlackSocketMode slackSocketMode(App app, SlackProperties properties, TaskScheduler scheduler) {
		return new SlackSocketMode(app, properties, scheduler);
	}

	/** Checks the bot token (auth.test) before the first request, and starts the status refresh. */
	@EventListener(ApplicationReadyEvent.class)
	void ready(ApplicationReadyEvent event) {
		var context = event.getApplicationContext();
		App app = context.getBean(App.class);
		try {
			app.start();
		}
		catch (RuntimeException ex) {
			log.error("Slack rejected the bot token or could not be reached ({}); retried at the first request", ex.getMessage());
		}
		SlackProperties properties = context.getBean(SlackProperties.class);
		SlackStatusMessages statuses = context.getBean(SlackStatusMessages.class);
		context.getBeanProvider(TaskScheduler.class).ifAvailable(scheduler -> scheduler.scheduleWithFixedDelay(
				statuses::refreshOpen, Instant.now().plus(properties.statusRefresh()), properties.statusRefresh()));
	}
}
