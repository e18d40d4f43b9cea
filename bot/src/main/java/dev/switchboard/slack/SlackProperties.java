package dev.switchboard.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.slack.*}: the Slack app's secrets and how the bot behaves in a workspace.
 * Nothing Slack-related starts unless {@code bot-token} is set (see {@link SlackConfigured}).
 *
 * @param botToken the bot user OAuth token ({@code xoxb-…}), env {@code SLACK_BOT_TOKEN}
 * @param signingSecret verifies that HTTP requests come from Slack, env {@code SLACK_SIGNING_SECRET}
 * @param appToken the app-level token ({@code xapp-…}, scope {@code connections:write}) for Socket Mode,
 * env {@code SLACK_APP_TOKEN}
 * @param transport {@code http} (Slack calls {@code /slack/events}) or {@code socket-mode} (the bot connects out)
 * @param mode where a declared incident lives: its own {@code channel} or a {@code thread} in the channel it was declared in
 * @param command the slash command, as registered in the app manifest
 * @param apiUrl the Web API's methods endpoint prefix; only tests point it elsewhere
 * @param publicUrl where people reach this server ({@code https://switchboard.example.com}), for links to incident pages
 * @param channelPrefix incident channels are named {@code <prefix>-<number>-<runbook>}
 * @param privateChannels create incident channels as private channels (needs {@code groups:write})
 * @param channelPacing the least time between two messages posted to one channel (Slack allows about one a second)
 * @param maxAttempts attempts per Web API call before the commander is told it failed
 * @param backoff first wait before retrying a 5xx or a timeout; doubles each attempt
 * @param maxRetryAfter the longest {@code Retry-After} honoured in place; longer waits count as a failure
 * @param requestTimeout the longest a Web API call may take
 * @param workers threads doing the work after the acknowledgement
 * @param queue requests waiting for a worker before new ones are refused with "busy"
 * @param timestampTolerance how far a request's timestamp may be from now, in either direction
 * @param statusRefresh how often open incidents' pinned status messages are re-rendered (elapsed time)
 */
@ConfigurationProperties(prefix = "switchboard.slack", ignoreUnknownFields = false)
public record SlackProperties(String botToken, String signingSecret, String appToken,
		@DefaultValue("http") Transport transport, @DefaultValue("channel") Home mode,
		@DefaultValue("/incident") String command, String apiUrl, String publicUrl,
		@DefaultValue("inc") String channelPrefix, @DefaultValue("false") boolean privateChannels,
		@DefaultValue("1s") Duration channelPacing, @DefaultValue("4") int maxAttempts,
		@DefaultValue("1s") Duration backoff, @DefaultValue("30s") Duration maxRetryAfter,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("8") int workers,
		@DefaultValue("500") int queue, @DefaultValue("5m") Duration timestampTolerance,
		@DefaultValue("5m") Duration statusRefresh) {

	/** How Slack reaches the bot. */
	public enum Transport {
		HTTP, SOCKET_MODE
	}

	/** Where a declared incident is worked. */
	public enum Home {
		CHANNEL, THREAD
	}

	public SlackProperties {
		if (configured(botToken)) {
			if (transport == Transport.HTTP && !configured(signingSecret)) {
				throw new IllegalArgumentException("switchboard.slack.signing-secret (env SLACK_SIGNING_SECRET) is required "
						+ "with a bot token in HTTP mode: it is how requests from Slack are told from forged ones");
			}
			if (transport == Transport.SOCKET_MODE && !configured(appToken)) {
				throw new IllegalArgumentException("switchboard.slack.app-token (env SLACK_APP_TOKEN, xapp-…) is required "
						+ "for switchboard.slack.transport=socket-mode");
			}
		}
		if (maxAttempts < 1 || workers < 1 || queue < 0) {
			throw new IllegalArgumentException("switchboard.slack.max-attempts and .workers must be at least 1, .queue at least 0");
		}
		if (channelPrefix == null || !channelPrefix.matches("[a-z0-9][a-z0-9_-]{0,20}")) {
			throw new IllegalArgumentException("switchboard.slack.channel-prefix must be lowercase letters, digits, - or _ "
					+ "(at most 21), as Slack channel names are: '" + channelPrefix + "'");
		}
		publicUrl = configured(publicUrl) ? publicUrl.replaceAll("/+$", "") : null;
		apiUrl = configured(apiUrl) ? apiUrl : null;
	}

	static boolean configured(String value) {
		return value != null && !value.isBlank();
	}
}
