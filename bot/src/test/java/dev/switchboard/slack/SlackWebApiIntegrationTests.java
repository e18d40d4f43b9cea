package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;

/** Slack's Web API failing: rate limits, server errors and timeouts are retried; a message that cannot be posted is reported, never lost. */
class SlackWebApiIntegrationTests extends SlackTestSupport {

	@AfterEach
	void healthyAgain() {
		slack.reset();
	}

	@Test
	void waitsOutA429RetryAfterThenPostsTheMessage() {
		slack.failNext("chat.postMessage", FakeSlackApi.status(429, Map.of("Retry-After", "1")));
		int mark = slack.mark();
		Declared d = declare("ai-outage sev2 invoice-extraction", PRIYA, "C0RATE");
		List<FakeSlackApi.Call> posts = slack.since(mark, "chat.postMessage", c -> d.channel().equals(c.param("channel")));
		assertThat(posts.get(0).ts()).as("refused with 429").isNull();
		assertThat(posts.get(1).ts()).isEqualTo(d.statusTs());
		assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
		assertThat(posts.get(1).text()).isEqualTo(posts.get(0).text());
	}

	@Test
	void retriesServerErrorsAndTimeouts() {
		slack.failNext("chat.postMessage", FakeSlackApi.status(500, Map.of()));
		slack.failNext("chat.postMessage", FakeSlackApi.status(503, Map.of()));
		slack.failNext("conversations.create", FakeSlackApi.late(2000));
		int mark = slack.mark();
		requests.send(requests.command("ai-outage sev3 ticket-routing", PRIYA, "C0FLAKY"));
		FakeSlackApi.Call pin = await("the status message pinned", () -> one(slack.since(mark, "pins.add")));
		String channel = pin.param("channel");
		await("the first step posted", () -> one(slack.since(mark, "chat.postMessage",
				c -> channel.equals(c.param("channel")) && c.ts() != null && c.text().contains("Triage"))));
		// the timed-out create was tried again (the slow answer, when it came, was too late to be used)
		assertThat(slack.since(mark, "conversations.create")).hasSizeGreaterThanOrEqualTo(2);
		List<FakeSlackApi.Call> statusAttempts = slack.since(mark, "chat.postMessage", c -> channel.equals(c.param("channel"))
				&& c.text().contains("sev3 · AI provider outage"));
		assertThat(statusAttempts).hasSize(3);
		assertThat(statusAttempts.get(2).ts()).isEqualTo(pin.param("timestamp"));
	}

	@Test
	void answersByChatPostEphemeralWhenTheResponseUrlIsRefused() {
		slack.failAlways("response_url", FakeSlackApi.status(404, Map.of()));
		int mark = slack.mark();
		requests.send(requests.command("vendor openai", KARIM, "C0EXPIRED"));
		FakeSlackApi.Call answer = await("the answer", () -> one(slack.since(mark, "chat.postEphemeral")));
		assertThat(answer.param("user")).isEqualTo(KARIM);
		assertThat(answer.param("channel")).isEqualTo("C0EXPIRED");
		assertThat(answer.text()).contains("Vendor: OpenAI").contains("https://status.openai.com");
		assertThat(slack.since(mark, "response_url")).hasSize(1);
	}

	@Test
	void pacesMessagesToOneChannel() {
		int mark = slack.mark();
		Declared d = declare("ai-outage sev3 support-replies", PRIYA, "C0PACE");
		List<FakeSlackApi.Call> posts = slack.since(mark, "chat.postMessage", c -> d.channel().equals(c.param("channel")));
		assertThat(posts).hasSizeGreaterThanOrEqualTo(2);
		// channel-pacing=150ms in these tests (one second by default)
		assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void tellsTheCommanderWhenTheStatusCannotBePostedAndKeepsTheTimeline() {
		slack.failAlways("chat.postMessage", FakeSlackApi.status(500, Map.of()));
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		requests.send(requests.command("ai-outage sev1 invoice-extraction", PRIYA, "C0DOWN"));
		FakeSlackApi.Call notice = await("the notice", () -> one(slack.since(mark, "response_url", c -> c.text().contains("could not post"))));
		assertThat(notice.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(notice.text()).contains("chat.postMessage: http_500, 4 attempts").contains("saved with its whole timeline");
		assertThat(slack.since(mark, "chat.postMessage")).hasSize(4);

		// nothing lost: the incident and its timeline are in the database
		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore + 1);
		Incident incident = incidents.list(false, 1).get(0);
		assertThat(notice.text()).contains(incident.humanId());
		assertThat(events(incident.id(), EventType.DECLARED)).hasSize(1);
		assertThat(events(incident.id(), EventType.STEP_ENTERED)).hasSize(1);
	}

	@Test
	void tellsTheCommanderInTheChannelWhenAnEditOfTheStatusFails() {
		Declared d = declare("ai-outage sev2 support-replies", PRIYA, "C0EDITS");
		slack.failAlways("chat.update", FakeSlackApi.status(500, Map.of()));
		int mark = slack.mark();
		// Karim runs the page: the clicked message and the status message cannot be edited
		requests.send(requests.click(d.step(), d.step().ts(), "run/" + d.id() + "/triage/1", KARIM));
		FakeSlackApi.Call toCommander = await("the commander told", () -> one(slack.since(mark, "chat.postEphemeral",
				c -> PRIYA.equals(c.param("user")) && c.text().contains("the new status of INC-" + d.id()))));
		assertThat(toCommander.param("channel")).isEqualTo(d.channel());
		FakeSlackApi.Call toClicker = await("the clicker told", () -> one(slack.since(mark, "response_url",
				c -> c.text().contains("could not post the result of your click"))));
		assertThat(toClicker.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(events(d.id(), EventType.PAGE_SENT)).hasSize(1);
	}
}
