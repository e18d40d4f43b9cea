package dev.switchboard.paging;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.paging.*}.
 *
 * @param publicUrl where people reach this server, for the link in a page (may be empty)
 * @param pagerduty PagerDuty Events API v2 out, webhooks v3 in
 * @param webhook a signed outbound webhook for any other pager
 * @param retry how retryable failures (429, 5xx, timeouts) are retried from the outbox
 * @param slack the Slack direct-message pager (the bot provides it when Slack is configured)
 * @param poll how often the outbox and the escalation timers are looked at
 */
@ConfigurationProperties(prefix = "switchboard.paging", ignoreUnknownFields = false)
public record PagingProperties(String publicUrl, @DefaultValue PagerDuty pagerduty, @DefaultValue Webhook webhook,
		@DefaultValue Retry retry, @DefaultValue Slack slack, @DefaultValue("2s") Duration poll) {

	/** @param enabled page people by Slack direct message when Slack is configured */
	public record Slack(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * @param eventsUrl the Events API v2 enqueue URL (EU accounts and tests use another host)
	 * @param routingKey the default integration key ({@code SWITCHBOARD_PAGERDUTY_ROUTING_KEY}); a secret
	 * @param webhookSecrets the signing secrets of the webhook subscriptions (several during a rotation)
	 * @param timeout of one call
	 */
	public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") URI eventsUrl, String routingKey,
			List<String> webhookSecrets, @DefaultValue("10s") Duration timeout) {

		public PagerDuty {
			webhookSecrets = webhookSecrets == null ? List.of()
					: webhookSecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
		}
	}

	/**
	 * @param url where pages are POSTed; empty: no webhook pager
	 * @param secret signs every request (HMAC-SHA256 over {@code v0:timestamp:body})
	 */
	public record Webhook(String url, String secret, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * @param first the delay before the first retry; doubled each time, with jitter
	 * @param max the longest delay between two tries
	 * @param giveUpAfter after this long since the page, a pager still failing is given up (shown as failed)
	 */
	public record Retry(@DefaultValue("2s") Duration first, @DefaultValue("2m") Duration max,
			@DefaultValue("1h") Duration giveUpAfter) {
	}
}
