package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;

/** {@code switchboard.slack.mode=thread}: the incident lives in a thread of the channel it was declared in. */
@TestPropertySource(properties = { "switchboard.slack.mode=thread",
		"spring.datasource.url=jdbc:h2:mem:slack-thread-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class SlackThreadModeIntegrationTests extends SlackTestSupport {

	@Test
	void pinsTheStatusInTheCallersChannelAndWalksTheStepsInItsThread() {
		int mark = slack.mark();
		requests.send(requests.command("ai-outage sev2 support-replies", PRIYA, "C0THREAD"));
		FakeSlackApi.Call pin = await("the status message pinned", () -> one(slack.since(mark, "pins.add")));
		assertThat(pin.param("channel")).isEqualTo("C0THREAD");
		String statusTs = pin.param("timestamp");
		FakeSlackApi.Call step = await("the first step in the thread", () -> one(slack.since(mark, "chat.postMessage",
				c -> statusTs.equals(c.param("thread_ts")) && c.text().contains("Triage"))));
		assertThat(step.param("channel")).isEqualTo("C0THREAD");
		assertThat(slack.since(mark, "conversations.create")).isEmpty();
		assertThat(slack.since(mark, "conversations.invite")).isEmpty();

		Incident incident = incidents.inChannel("slack", "C0THREAD").orElseThrow();
		assertThat(incident.chat().messages()).containsEntry("status", statusTs).containsEntry("thread", statusTs);

		int beforeClick = slack.mark();
		requests.send(requests.click(step, step.ts(), "choose/" + incident.id() + "/triage/2", PRIYA));
		FakeSlackApi.Call next = await("the next step in the thread", () -> one(slack.since(beforeClick, "chat.postMessage",
				c -> statusTs.equals(c.param("thread_ts")) && c.text().contains("Throttling"))));
		assertThat(next.param("channel")).isEqualTo("C0THREAD");
		await("the status message edited", () -> one(slack.since(beforeClick, "chat.update", c -> statusTs.equals(c.param("ts")))));

		// a note typed in the channel goes to the incident's thread
		int beforeNote = slack.mark();
		requests.send(requests.command("note vendor ticket 4711 opened", PRIYA, "C0THREAD"));
		FakeSlackApi.Call noted = await("the note's answer in the thread", () -> one(slack.since(beforeNote, "chat.postMessage",
				c -> statusTs.equals(c.param("thread_ts")) && c.text().contains("Noted"))));
		assertThat(noted.param("channel")).isEqualTo("C0THREAD");
		assertThat(events(incident.id(), EventType.NOTE)).extracting(e -> e.detail("text")).containsExactly("vendor ticket 4711 opened");
	}
}
