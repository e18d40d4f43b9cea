package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.switchboard.incident.EventType;

/**
 * Socket Mode end to end, without Slack: the server starts with {@code transport=socket-mode}, asks
 * the fake Web API for a connection ({@code apps.connections.open} with the app token), connects
 * to a local WebSocket server standing in for Slack's, and gets envelopes over it. Each envelope
 * must be acknowledged over the socket with its {@code envelope_id} well within Slack's 3 seconds,
 * by the same Bolt handlers as HTTP mode; an envelope delivered twice (Slack redelivers what it
 * thinks was not acknowledged) changes the incident once.
 */
// closed after the class: its socket client would otherwise keep reconnecting and show up in the other tests' fake
@DirtiesContext
@TestPropertySource(properties = { "switchboard.slack.transport=socket-mode", "switchboard.slack.app-token=xapp-1-A0SWITCH-test" })
class SlackSocketModeIntegrationTests extends SlackTestSupport {

	private static final Duration SLACK_DEADLINE = Duration.ofSeconds(3);

	static final FakeSlackSocket socket = FakeSlackSocket.start();

	static {
		slack.socketModeUrl(socket.url());
	}

	@Autowired
	ApplicationContext context;

	@Test
	void connectsWithTheAppTokenAndServesNoHttpEndpoint() {
		await("the bot connected", () -> socket.connections() == 1);
		assertThat(socket.handshakePaths()).allMatch(p -> p.startsWith("/link/?ticket="));
		assertThat(slack.socketModeTokens()).isNotEmpty().containsOnly("xapp-1-A0SWITCH-test");
		assertThat(context.getBeansOfType(SlackSocketMode.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(org.springframework.boot.web.servlet.ServletRegistrationBean.class))
			.doesNotContain("slackEndpoint");
		long signedPost = requests.send(requests.command("help", PRIYA, "C0SOCKHTTP")).statusCode();
		assertThat(signedPost).as("POST /slack/events in Socket Mode").isNotEqualTo(200);
	}

	@Test
	void declaresOnceWhenTheSameSlashCommandEnvelopeIsDeliveredTwice() {
		await("the bot connected", () -> socket.connections() == 1);
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		JsonObject envelope = FakeSlackSocket.slashCommand("env-cmd-1",
				requests.commandFields("ai-outage sev2 ticket-routing", PRIYA, "C0SOCKET"));

		FakeSlackSocket.Ack ack = deliverAndAwaitAck(envelope, 1);
		// the same ack as over HTTP: SlackCommands answered it
		assertThat(ack.payload()).isNotNull();
		assertThat(ack.payload().toString()).contains("/incident ai-outage sev2 ticket-routing").contains("working");

		deliverAndAwaitAck(FakeSlackSocket.redelivered(envelope, 1), 2);
		await("the incident's channel", () -> one(slack.since(mark, "pins.add")));
		await("the copy answered", () -> slack.since(mark, "response_url", c -> c.text().contains("Already declared")).size() == 1);
		settle();

		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore + 1);
		assertThat(slack.since(mark, "conversations.create")).hasSize(1);
		assertThat(slack.since(mark, "pins.add")).hasSize(1);
		long id = incidents.list(false, 1).get(0).id();
		assertThat(events(id, EventType.DECLARED)).hasSize(1);
		assertThat(slack.since(mark).stream().filter(c -> c.method().startsWith("chat.") || c.method().startsWith("conversations.")))
			.allMatch(c -> "xoxb-test-token".equals(c.param("token")), "Web API calls use the bot token");
	}

	@Test
	void advancesOnceWhenTheSameClickEnvelopeIsDeliveredTwice() {
		await("the bot connected", () -> socket.connections() == 1);
		int mark = slack.mark();
		deliverAndAwaitAck(FakeSlackSocket.slashCommand("env-cmd-2",
				requests.commandFields("ai-outage sev2 invoice-extraction", PRIYA, "C0SOCKET2")), 1);
		FakeSlackApi.Call pin = await("the status message pinned", () -> one(slack.since(mark, "pins.add")));
		String channel = pin.param("channel");
		FakeSlackApi.Call step = await("the first step posted", () -> {
			List<FakeSlackApi.Call> posts = slack.since(mark, "chat.postMessage", c -> channel.equals(c.param("channel")) && c.ts() != null);
			return posts.size() >= 2 ? posts.get(1) : null;
		});
		long id = incidents.inChannel("slack", channel).orElseThrow().id();

		int beforeClick = slack.mark();
		JsonObject click = FakeSlackSocket.interactive("env-click-1",
				requests.clickPayload(step, step.ts(), "choose/" + id + "/triage/2", PRIYA));
		FakeSlackSocket.Ack ack = deliverAndAwaitAck(click, 1);
		assertThat(ack.payload()).as("a click is acknowledged without a body").isNull();
		deliverAndAwaitAck(FakeSlackSocket.redelivered(click, 1), 2);
		await("the next step", () -> one(slack.since(beforeClick, "chat.postMessage", c -> c.text().contains("Throttling"))));
		settle();

		assertThat(events(id, EventType.CHOICE_MADE)).hasSize(1);
		assertThat(slack.since(beforeClick, "chat.postMessage", c -> channel.equals(c.param("channel")) && c.text().contains("Throttling")))
			.hasSize(1);
		assertThat(slack.since(beforeClick, "chat.update", c -> c.text().contains("chose"))).hasSize(1);
	}

	/** Delivers {@code envelope} and waits for its {@code n}th ack, which must come within Slack's deadline. */
	private static FakeSlackSocket.Ack deliverAndAwaitAck(JsonObject envelope, int n) {
		String id = envelope.get("envelope_id").getAsString();
		long sent = socket.deliver(envelope);
		FakeSlackSocket.Ack ack = await("ack " + n + " of " + id, () -> socket.acks(id).size() >= n ? socket.acks(id).get(n - 1) : null);
		Duration took = Duration.ofNanos(ack.receivedNanos() - sent);
		assertThat(took).as("ack of " + id).isLessThan(SLACK_DEADLINE);
		assertThat(ack.envelopeId()).isEqualTo(id);
		return ack;
	}
}
