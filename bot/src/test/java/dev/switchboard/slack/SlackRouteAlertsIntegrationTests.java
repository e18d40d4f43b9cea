package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import dev.switchboard.golden.health.RouteAlert;

/** The route-health canary's alert reaches the owning team's channel, and so does its all-clear. */
class SlackRouteAlertsIntegrationTests extends SlackTestSupport {

	@Autowired
	private ApplicationEventPublisher events;

	@Test
	void postsTheAlertWithItsEvidenceAndItsClearingToTheOwningTeamsChannel() {
		RouteAlert alert = new RouteAlert("support-replies", "support-replies", "support-automation", "anthropic/claude-sonnet-4-5",
				2, "golden set 0/4 passed (needs 3) on anthropic/claude-sonnet-4-5, 2 canary runs in a row",
				List.of("✗ refund-window: icontains expected 'refund', got 'Thank you for contacting us.'"), "format-drift",
				Instant.parse("2026-12-04T10:00:00Z"));
		int mark = slack.mark();

		events.publishEvent(new RouteAlert.Raised(alert));

		FakeSlackApi.Call posted = await("the alert posted", () -> one(slack.since(mark, "chat.postMessage")));
		assertThat(posted.param("channel")).isEqualTo("#support-automation");
		assertThat(posted.text()).contains("refund-window").contains("incident format-drift support-replies");

		int cleared = slack.mark();
		events.publishEvent(new RouteAlert.Cleared(alert, "golden set 4/4 passed (needs 3) on anthropic/claude-sonnet-4-5",
				Instant.parse("2026-12-04T10:10:00Z")));

		FakeSlackApi.Call clear = await("the all-clear posted", () -> one(slack.since(cleared, "chat.postMessage")));
		assertThat(clear.param("channel")).isEqualTo("#support-automation");
		assertThat(clear.text()).contains("passes again");
	}
}
