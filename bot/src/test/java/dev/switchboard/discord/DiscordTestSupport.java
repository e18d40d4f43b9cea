package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * The whole server on a random port, an in-memory database, the shipped runbooks and
 * ownership.yaml, and a real JDA client logged in to Discord faked on loopback (REST and gateway).
 * Subclasses share one context, so JDA logs in once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.shell.interactive.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:discord-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"switchboard.discord.token=" + FakeDiscord.TOKEN, "switchboard.discord.guild=" + FakeDiscord.GUILD,
		"switchboard.discord.request-timeout=10s", "switchboard.discord.public-url=https://switchboard.example.com",
		// Slack and the REST API in the same server, to see the same incident from there
		"switchboard.slack.bot-token=" + FakeSlackSide.TOKEN, "switchboard.slack.signing-secret=" + FakeSlackSide.SECRET,
		"switchboard.api.tokens.priya-natarajan=" + DiscordTestSupport.API_TOKEN, "switchboard.api.local-operator=" })
abstract class DiscordTestSupport {

	/** Priya Natarajan in ownership.yaml. */
	static final FakeDiscord.Member PRIYA = new FakeDiscord.Member("388120475591000064", "priya");

	/** Amélie Laurent in ownership.yaml: may authorize route changes, so may be the second approver. */
	static final FakeDiscord.Member AMELIE = new FakeDiscord.Member("402118736259137537", "amelie");

	/** Nobody in ownership.yaml. */
	static final FakeDiscord.Member STRANGER = new FakeDiscord.Member("999000111222333444", "stranger");

	static final String API_TOKEN = "discord-suite-api-token-priya";

	static final FakeDiscord discord = FakeDiscord.start();

	static final FakeSlackSide slack = FakeSlackSide.start();

	@DynamicPropertySource
	static void discordUrls(DynamicPropertyRegistry registry) {
		registry.add("switchboard.discord.api-url", discord::apiUrl);
		registry.add("switchboard.discord.gateway-url", discord::gatewayUrl);
		registry.add("switchboard.slack.api-url", slack::methodsUrl);
		Path repo = Path.of("..").toAbsolutePath().normalize();
		registry.add("switchboard.catalog.runbooks", () -> repo.resolve("runbooks").toString());
		registry.add("switchboard.catalog.ownership", () -> repo.resolve("ownership.yaml").toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	Incidents incidents;

	@BeforeEach
	void connected() {
		await("JDA connected to the fake gateway", discord::connected);
		// /incident registered in the server: JDA is ready and handles interactions
		await("/incident registered", () -> !discord.since(0, "PUT", "applications/.*/commands").isEmpty());
	}

	/** What a declaration left in Discord: the incident, its home, the pinned status message and the first step. */
	record Declared(long id, String home, String statusId, String stepId) {
	}

	Declared declare(FakeDiscord.Member who, String origin, Map<String, String> options) {
		int mark = discord.mark();
		discord.slash(who, origin, "declare", options);
		FakeDiscord.Call pin = await("the status message pinned", () -> one(discord.since(mark, "PUT", "channels/\\d+/messages/pins/\\d+")));
		String statusId = pin.path().replaceAll(".*/", "");
		String statusChannel = pin.path().split("/")[1];
		Incident incident = await("the incident's home stored", () -> incidents.list(false, 50).stream()
			.filter(i -> statusId.equals(i.chat().messages().get("status")))
			.findFirst()
			.orElse(null));
		String home = incident.chat().channel();
		String stepId = await("the first step posted", () -> discord.calls().stream()
			.skip(mark)
			.filter(c -> c.method().equals("POST") && c.path().equals("channels/" + home + "/messages") && !c.customIds().isEmpty()
					&& c.customIds().stream().anyMatch(id -> id.startsWith("choose/")))
			.findFirst()
			.map(c -> latestMessageWith(home, c.content()))
			.orElse(null));
		assertThat(statusChannel).isNotNull();
		return new Declared(incident.id(), home, statusId, stepId);
	}

	/** The id of the newest message in {@code channel} whose content is {@code content}. */
	String latestMessageWith(String channel, String content) {
		return discord.messagesIn(channel).stream()
			.filter(m -> m.get("content").asString().equals(content))
			.map(m -> m.get("id").asString())
			.reduce((a, b) -> b)
			.orElse(null);
	}

	/** The custom id of the button whose label contains {@code label} on the message as last rendered. */
	String button(String messageId, String label) {
		for (JsonNode row : discord.message(messageId).get("components")) {
			for (JsonNode c : row.get("components")) {
				if (c.path("label").asString("").contains(label)) {
					return c.get("custom_id").asString();
				}
			}
		}
		throw new AssertionError("no button '" + label + "' on " + discord.message(messageId));
	}

	List<TimelineEvent> events(long id, EventType type) {
		return incidents.timeline(id).stream().filter(e -> e.type() == type).toList();
	}

	static <T> T one(List<T> list) {
		return list.isEmpty() ? null : list.get(0);
	}

	/** Waits up to 20 s for {@code probe} to return something other than null or false. */
	static <T> T await(String what, Supplier<T> probe) {
		long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
		throw new AssertionError("timed out waiting for " + what + "; Discord saw "
				+ discord.calls().stream().map(c -> c.method() + " " + c.path()
						+ (c.method().equals("PATCH") ? " " + c.body() : "")).toList());
	}

	/** Lets in-flight work finish, for tests that check nothing happened. */
	static void settle() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
