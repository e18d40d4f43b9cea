package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.switchboard.incident.EventType;

/** Hostile and careless input from Slack, over real HTTP with real signatures. */
class SlackHostileInputIntegrationTests extends SlackTestSupport {

	@Test
	void aButtonOfOneIncidentPressedOnAnotherIncidentsMessageIsRefusedAndChangesNeither() {
		Declared one = declare("ai-outage sev2 invoice-extraction", PRIYA, "C0HOSTILE1");
		Declared two = declare("ai-outage sev2 invoice-extraction", PRIYA, "C0HOSTILE2");
		int choicesOne = events(one.id(), EventType.CHOICE_MADE).size();
		int choicesTwo = events(two.id(), EventType.CHOICE_MADE).size();

		// INC-two's button, in a payload whose message is INC-one's step in INC-one's channel
		JsonObject payload = requests.clickPayload(two.step(), two.step().ts(), "choose/" + two.id() + "/triage/1", PRIYA);
		payload.getAsJsonObject("container").addProperty("channel_id", one.channel());
		payload.getAsJsonObject("container").addProperty("message_ts", one.step().ts());
		payload.getAsJsonObject("channel").addProperty("id", one.channel());
		payload.getAsJsonObject("message").addProperty("ts", one.step().ts());
		int mark = slack.mark();
		HttpResponse<String> ack = requests.send("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
		assertThat(ack.statusCode()).isEqualTo(200);

		FakeSlackApi.Call refusal = await("the refusal", () -> one(slack.since(mark, "response_url")));
		assertThat(refusal.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(refusal.text()).contains("belongs to INC-" + two.id(), "INC-" + one.id(), "Nothing was changed");
		settle();
		assertThat(events(one.id(), EventType.CHOICE_MADE)).hasSize(choicesOne);
		assertThat(events(two.id(), EventType.CHOICE_MADE)).hasSize(choicesTwo);
		assertThat(slack.since(mark, "chat.update")).isEmpty();
		assertThat(slack.since(mark, "chat.postMessage")).isEmpty();
	}

	@Test
	void aNoteOverTheLimitIsRefusedInSlackAndNothingIsStored() {
		Declared d = declare("ai-outage sev2 invoice-extraction", PRIYA, "C0HOSTILE3");
		int notes = events(d.id(), EventType.NOTE).size();
		int mark = slack.mark();
		HttpResponse<String> ack = requests.send(requests.command("note " + "x".repeat(100_000), PRIYA, d.channel()));
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body().length()).isLessThan(1000);

		FakeSlackApi.Call refusal = await("the refusal", () -> one(slack.since(mark, "response_url")));
		assertThat(refusal.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(refusal.text()).contains("100000 characters", "limit is 4000", "Nothing was stored");
		settle();
		assertThat(events(d.id(), EventType.NOTE)).hasSize(notes);
	}

	@Test
	void theWorkingAcknowledgementShowsTheTextAsTypedEscapedOnce() {
		// Slack sends "<", ">" and "&" escaped in a command's text
		HttpResponse<String> ack = requests.send(requests.command("who a&lt;b&gt; &amp; c", PRIYA, "C0HOSTILE4"));
		assertThat(ack.statusCode()).isEqualTo(200);
		String shown = com.google.gson.JsonParser.parseString(ack.body()).getAsJsonObject().get("text").getAsString();
		assertThat(shown).contains("who a&lt;b&gt; &amp; c").doesNotContain("&amp;lt;", "&amp;amp;");
	}
}
