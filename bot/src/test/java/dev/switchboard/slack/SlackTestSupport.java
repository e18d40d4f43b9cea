package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.TimelineEvent;

/**
 * The whole server on a random port, an in-memory database, the shipped runbooks and
 * ownership.yaml, and Slack's Web API faked on loopback. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.shell.interactive.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:slack-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"switchboard.slack.bot-token=xoxb-test-token", "switchboard.slack.signing-secret=" + SignedRequests.SECRET,
		"switchboard.slack.channel-pacing=150ms", "switchboard.slack.backoff=100ms",
		"switchboard.slack.request-timeout=800ms", "switchboard.slack.public-url=https://switchboard.example.com",
		// paging by direct message has its own test (SlackPagingIntegrationTests): these count Slack calls
		"switchboard.paging.slack.enabled=false" })
abstract class SlackTestSupport {

	/** Priya Natarajan in ownership.yaml. */
	static final String PRIYA = "U04PNTJ6D12";

	/** Karim Haddad in ownership.yaml. */
	static final String KARIM = "U04KHDD2M58";

	/** Nobody in ownership.yaml. */
	static final String STRANGER = "U09NOTLISTED";

	static final FakeSlackApi slack = FakeSlackApi.start();

	@DynamicPropertySource
	static void slackApi(DynamicPropertyRegistry registry) {
		registry.add("switchboard.slack.api-url", slack::methodsUrl);
		// the shipped catalog, by absolute path (a relative "../x" is not a valid resource path for the binder)
		Path repo = Path.of("..").toAbsolutePath().normalize();
		registry.add("switchboard.catalog.runbooks", () -> repo.resolve("runbooks").toString());
		registry.add("switchboard.catalog.ownership", () -> repo.resolve("ownership.yaml").toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	Incidents incidents;

	SignedRequests requests;

	@BeforeEach
	void freshFake() {
		slack.reset();
		requests = new SignedRequests(port, slack);
	}

	/** What a declaration left in Slack: the incident, its channel, the pinned status message and the first step. */
	record Declared(long id, String channel, String statusTs, FakeSlackApi.Call step) {
	}

	Declared declare(String text, String user, String origin) {
		int mark = slack.mark();
		HttpResponse<String> ack = requests.send(requests.command(text, user, origin));
		assertThat(ack.statusCode()).isEqualTo(200);
		FakeSlackApi.Call pin = await("the status message pinned", () -> one(slack.since(mark, "pins.add")));
		String channel = pin.param("channel");
		FakeSlackApi.Call step = await("the first step posted", () -> {
			List<FakeSlackApi.Call> posts = slack.since(mark, "chat.postMessage")
				.stream()
				.filter(c -> channel.equals(c.param("channel")) && c.ts() != null)
				.toList();
			return posts.size() >= 2 ? posts.get(1) : null;
		});
		await("the declaring channel told", () -> slack.since(mark, "response_url")
			.stream()
			.anyMatch(c -> c.text().contains("<#" + channel + ">")));
		Incident incident = incidents.inChannel("slack", channel).orElseThrow();
		return new Declared(incident.id(), channel, pin.param("timestamp"), step);
	}

	List<TimelineEvent> events(long id, EventType type) {
		return incidents.timeline(id).stream().filter(e -> e.type() == type).toList();
	}

	static <T> T one(List<T> list) {
		return list.isEmpty() ? null : list.get(0);
	}

	/** Waits up to 15 s for {@code probe} to return something other than null or false. */
	static <T> T await(String what, Supplier<T> probe) {
		long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < end) {
			T value = probe.get();
			if (value != null && !Boolean.FALSE.equals(value)) {
				return value;
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("timed out waiting for " + what + "; Slack saw " + slack.methods());
	}

	/** Lets in-flight work finish, for tests that check nothing happened. */
	static void settle() {
		try {
			Thread.sleep(400);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
