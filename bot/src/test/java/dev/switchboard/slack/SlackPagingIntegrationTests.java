package dev.switchboard.slack;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.ownership.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack as the built-in pager: a sev1 declared in Slack sends each paged person a direct message with
 * an Acknowledge button; pressing it records that person's acknowledgement.
 */
class SlackPagingIntegrationTests extends SlackTestSupport {

	@Autowired
	CatalogRegistry catalogs;

	@DynamicPropertySource
	static void pageBySlack(DynamicPropertyRegistry registry) {
		registry.add("switchboard.paging.slack.enabled", () -> "true");
		registry.add("switchboard.paging.poll", () -> "200ms");
		// its own database: the other Slack tests count incidents in theirs (listed up to 1000)
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:slack-paging-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	@Test
	void pagedPersonGetsADirectMessageAndItsAcknowledgeButtonAcknowledges() {
		int mark = slack.mark();
		Declared d = declare("ai-outage sev1", PRIYA, "C0DECLARE1");
		FakeSlackApi.Call dm = await("a page by direct message", () -> one(slack.since(mark, "chat.postMessage",
				c -> c.param("channel") != null && c.param("channel").startsWith("U") && c.text().contains("You are paged"))));
		assertThat(dm.text()).contains("INC-" + d.id(), "SEV1", "ai-outage");
		String slackId = dm.param("channel");
		Person paged = catalogs.current().ownership().people().stream().filter(p -> slackId.equals(p.slack())).findFirst()
			.orElseThrow();
		List<TimelineEvent> delivered = await("the page recorded as delivered", () -> {
			List<TimelineEvent> events = events(d.id(), EventType.PAGE_DELIVERED);
			return events.isEmpty() ? null : events;
		});
		assertThat(delivered).anySatisfy(e -> assertThat(e.detail("via")).isEqualTo("slack"));

		requests.send(requests.click(dm, dm.ts(), "ack/" + d.id(), slackId));
		TimelineEvent ack = await("the acknowledgement", () -> one(events(d.id(), EventType.ACKNOWLEDGED)));
		assertThat(ack.actor()).isEqualTo(paged.id());
		assertThat(ack.detail("via")).isEqualTo("slack");
	}
}
