package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.slack.api.app_backend.SlackSignature;

import dev.switchboard.incident.EventType;

/** Forged, stale, malformed, unknown and repeated requests: the right answer, and nothing recorded when refused. */
class SlackRequestIntegrationTests extends SlackTestSupport {

	private static final String TS = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;

	private static final String SIG = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;

	@Test
	void refusesUnsignedForgedStaleFutureDatedAndTamperedRequestsWithoutRecordingAnything() {
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		String body = requests.command("ai-outage sev1", PRIYA, "C0FORGED");
		long now = System.currentTimeMillis() / 1000;

		assertThat(requests.send(body, Map.of()).statusCode()).as("no signature headers").isEqualTo(401);
		assertThat(requests.send(body, Map.of(TS, String.valueOf(now))).statusCode()).as("no signature").isEqualTo(401);
		assertThat(requests.send(body, Map.of(TS, String.valueOf(now), SIG,
				new SlackSignature.Generator("another-secret").generate(String.valueOf(now), body))).statusCode())
			.as("signed with another secret").isEqualTo(401);
		assertThat(requests.send(body, Map.of(TS, String.valueOf(now), SIG, "v0=" + "0".repeat(64))).statusCode())
			.as("made-up signature").isEqualTo(401);
		assertThat(requests.send(body, Map.of(TS, "yesterday", SIG, SignedRequests.sign(now, body))).statusCode())
			.as("unreadable timestamp").isEqualTo(401);
		long stale = now - 6 * 60;
		assertThat(requests.send(body, Map.of(TS, String.valueOf(stale), SIG, SignedRequests.sign(stale, body))).statusCode())
			.as("correctly signed 6 minutes ago (a replay)").isEqualTo(401);
		long future = now + 6 * 60;
		assertThat(requests.send(body, Map.of(TS, String.valueOf(future), SIG, SignedRequests.sign(future, body))).statusCode())
			.as("correctly signed 6 minutes in the future").isEqualTo(401);
		String tampered = body.replace("ai-outage+sev1", "ai-outage+sev4");
		assertThat(tampered).isNotEqualTo(body);
		HttpResponse<String> answer = requests.send(tampered, Map.of(TS, String.valueOf(now), SIG, SignedRequests.sign(now, body)));
		assertThat(answer.statusCode()).as("body changed after signing").isEqualTo(401);
		assertThat(answer.body()).contains("invalid request");

		settle();
		assertThat(slack.since(mark)).isEmpty();
		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore);
	}

	@Test
	void acceptsARequestSignedWithinTheWindowOnEitherSide() {
		for (long skew : new long[] { -4 * 60, 4 * 60 }) {
			int mark = slack.mark();
			String body = requests.command("help", STRANGER, "C0WINDOW");
			long ts = System.currentTimeMillis() / 1000 + skew;
			assertThat(requests.send(body, Map.of(TS, String.valueOf(ts), SIG, SignedRequests.sign(ts, body))).statusCode())
				.isEqualTo(200);
			assertThat(await("the help", () -> one(slack.since(mark, "response_url"))).text()).contains("declare an incident");
		}
	}

	@Test
	void answersUnknownCommandTextWithSuggestionsToTheCallerOnly() {
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		assertThat(requests.send(requests.command("frobnicate the widgets", PRIYA, "C0UNKNOWN")).statusCode()).isEqualTo(200);
		FakeSlackApi.Call answer = await("the answer", () -> one(slack.since(mark, "response_url")));
		assertThat(answer.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(answer.text()).contains("no runbook 'frobnicate'").contains("did you mean");
		settle();
		assertThat(slack.since(mark)).extracting(FakeSlackApi.Call::method).containsOnly("response_url");
		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore);
	}

	@Test
	void refusesSignedButMalformedPayloadsWithoutRecordingAnything() {
		int mark = slack.mark();
		for (String payload : List.of("{not json", "[1, 2, 3]", "{\"no\":\"type\"}", "{\"type\":\"block_actions\",\"actions\":7}")) {
			String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
			HttpResponse<String> answer = requests.send(body);
			assertThat(answer.statusCode()).as(payload).isBetween(400, 499);
		}
		assertThat(requests.send("neither=command&nor=payload").statusCode()).isBetween(400, 499);
		settle();
		assertThat(slack.since(mark)).isEmpty();
	}

	@Test
	void answersSlacksCertificateCheck() {
		assertThat(requests.send("ssl_check=1&token=legacy", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void letsPeopleOutsideOwnershipReadButNotActAndTellsThemHowToGetAdded() {
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		requests.send(requests.command("ai-outage sev1", STRANGER, "C0STRANGER"));
		FakeSlackApi.Call refusal = await("the refusal", () -> one(slack.since(mark, "response_url")));
		assertThat(refusal.text()).contains("not in ownership.yaml").contains("read but not act").contains(STRANGER);
		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore);

		Declared d = declare("ai-outage sev2 support-replies", PRIYA, "C0STRANGER2");
		int beforeClick = slack.mark();
		requests.send(requests.click(d.step(), d.step().ts(), "choose/" + d.id() + "/triage/1", STRANGER));
		FakeSlackApi.Call clickRefusal = await("the click's refusal", () -> one(slack.since(beforeClick, "response_url")));
		assertThat(clickRefusal.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(clickRefusal.text()).contains("not in ownership.yaml").contains(STRANGER);
		settle();
		assertThat(events(d.id(), EventType.CHOICE_MADE)).isEmpty();
		assertThat(slack.since(beforeClick)).extracting(FakeSlackApi.Call::method).containsOnly("response_url");
	}

	@Test
	void appliesTheSameSignedCommandOnceWhenSentTwiceConcurrentlyAndRetried() throws Exception {
		int incidentsBefore = incidents.list(false, 1000).size();
		int mark = slack.mark();
		String body = requests.command("ai-outage sev2 ticket-routing", KARIM, "C0RETRY");
		long ts = System.currentTimeMillis() / 1000;
		String signature = SignedRequests.sign(ts, body);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Map<String, String> headers = i < 2 ? Map.of(TS, String.valueOf(ts), SIG, signature)
						: Map.of(TS, String.valueOf(ts), SIG, signature, "X-Slack-Retry-Num", String.valueOf(i - 1),
								"X-Slack-Retry-Reason", "http_timeout");
				sent.add(CompletableFuture.supplyAsync(() -> requests.send(body, headers), pool));
			}
			for (CompletableFuture<HttpResponse<String>> answer : sent) {
				assertThat(answer.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		await("the incident's channel", () -> one(slack.since(mark, "pins.add")));
		// once more, later, as Slack's last retry would come
		assertThat(requests.send(body, Map.of(TS, String.valueOf(ts), SIG, signature, "X-Slack-Retry-Num", "3")).statusCode())
			.isEqualTo(200);
		await("every copy answered", () -> slack.since(mark, "response_url").size() >= 5);
		settle();
		assertThat(incidents.list(false, 1000)).hasSize(incidentsBefore + 1);
		assertThat(slack.since(mark, "conversations.create")).hasSize(1);
		assertThat(slack.since(mark, "pins.add")).hasSize(1);
		long id = incidents.list(false, 1).get(0).id();
		assertThat(events(id, EventType.DECLARED)).hasSize(1);
		assertThat(slack.since(mark, "response_url").stream().filter(c -> c.text().contains("Already declared"))).hasSize(4);
	}

	@Test
	void appliesADoubleClickOnceEvenFromTwoPeople() throws Exception {
		Declared d = declare("ai-outage sev2 invoice-extraction", PRIYA, "C0DOUBLE");
		int mark = slack.mark();
		// every click is its own request with its own action_ts and trigger_id, as Slack sends them
		List<String> clicks = List.of(requests.click(d.step(), d.step().ts(), "choose/" + d.id() + "/triage/2", PRIYA),
				requests.click(d.step(), d.step().ts(), "choose/" + d.id() + "/triage/2", PRIYA),
				requests.click(d.step(), d.step().ts(), "choose/" + d.id() + "/triage/2", KARIM));
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<CompletableFuture<HttpResponse<String>>> sent = clicks.stream()
				.map(body -> CompletableFuture.supplyAsync(() -> requests.send(body), pool))
				.toList();
			for (CompletableFuture<HttpResponse<String>> answer : sent) {
				assertThat(answer.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		await("the next step", () -> one(slack.since(mark, "chat.postMessage", c -> c.text().contains("Throttling"))));
		await("the other clicks answered", () -> slack.since(mark, "response_url").size() >= 2);
		settle();
		assertThat(events(d.id(), EventType.CHOICE_MADE)).hasSize(1);
		assertThat(slack.since(mark, "chat.postMessage", c -> d.channel().equals(c.param("channel")) && c.text().contains("Throttling")))
			.hasSize(1);
		assertThat(slack.since(mark, "response_url")).allMatch(c -> c.json().get("response_type").getAsString().equals("ephemeral"));
	}
}
