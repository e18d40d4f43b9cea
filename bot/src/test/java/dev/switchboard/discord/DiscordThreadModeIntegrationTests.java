package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;

/** {@code switchboard.discord.mode=thread}: the status pinned where it was declared, the steps in a thread on it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.shell.interactive.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:discord-thread-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"switchboard.discord.token=" + FakeDiscord.TOKEN, "switchboard.discord.guild=" + FakeDiscord.GUILD,
		"switchboard.discord.mode=thread" })
class DiscordThreadModeIntegrationTests {

	private static final FakeDiscord discord = FakeDiscord.start();

	@DynamicPropertySource
	static void discordUrls(DynamicPropertyRegistry registry) {
		registry.add("switchboard.discord.api-url", discord::apiUrl);
		registry.add("switchboard.discord.gateway-url", discord::gatewayUrl);
		Path repo = Path.of("..").toAbsolutePath().normalize();
		registry.add("switchboard.catalog.runbooks", () -> repo.resolve("runbooks").toString());
		registry.add("switchboard.catalog.ownership", () -> repo.resolve("ownership.yaml").toString());
	}

	@Autowired
	Incidents incidents;

	@AfterAll
	static void stop() throws Exception {
		discord.close();
	}

	@Test
	void pinsTheStatusWhereDeclaredAndWalksTheStepsInAThreadOnIt() {
		await(() -> !discord.since(0, "PUT", "applications/.*/commands").isEmpty());
		int mark = discord.mark();
		discord.slash(DiscordTestSupport.PRIYA, FakeDiscord.GENERAL, "declare", Map.of("runbook", "ai-outage"));
		FakeDiscord.Call thread = await(() -> one(discord.since(mark, "POST", "channels/" + FakeDiscord.GENERAL + "/messages/\\d+/threads")));
		String statusId = thread.path().split("/")[3];
		String threadId = await(() -> discord.messagesIn(FakeDiscord.GENERAL).isEmpty() ? null
				: discord.calls().stream().skip(mark).filter(c -> c.method().equals("POST") && c.path().matches("channels/\\d+/messages")
						&& !c.path().contains(FakeDiscord.GENERAL) && !c.customIds().isEmpty())
					.map(c -> c.path().split("/")[1]).findFirst().orElse(null));

		assertThat(discord.channel(threadId).get("type").asInt()).isEqualTo(11);
		assertThat(discord.channel(threadId).get("parent_id").asString()).isEqualTo(FakeDiscord.GENERAL);
		assertThat(discord.message(statusId).get("pinned").asBoolean()).isTrue();
		assertThat(discord.message(statusId).get("channel_id").asString()).isEqualTo(FakeDiscord.GENERAL);
		assertThat(discord.since(mark, "POST", "guilds/\\d+/channels")).isEmpty();
		Incident incident = await(() -> incidents.inChannel("discord", threadId).orElse(null));
		assertThat(incident.chat().messages()).containsEntry("status", statusId).containsEntry("status-channel", FakeDiscord.GENERAL);
		assertThat(discord.messagesIn(threadId)).anyMatch(m -> m.get("content").asString().contains("Triage: what is failing?"));

		// a choice in the thread: the next step goes to the thread, the pinned status in #general is edited
		String step = discord.messagesIn(threadId).get(0).get("id").asString();
		int beforeChoice = discord.mark();
		discord.click(DiscordTestSupport.PRIYA, step, "choose/" + incident.id() + "/triage/2");
		await(() -> discord.messagesIn(threadId).size() >= 2 ? true : null);
		await(() -> discord.since(beforeChoice, "PATCH", "channels/" + FakeDiscord.GENERAL + "/messages/" + statusId).isEmpty() ? null : true);
		assertThat(discord.message(statusId).get("content").asString()).contains("Throttling");
	}

	private static <T> T one(java.util.List<T> list) {
		return list.isEmpty() ? null : list.get(0);
	}

	private static <T> T await(Supplier<T> probe) {
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
		throw new AssertionError("timed out; Discord saw " + discord.calls().stream().map(c -> c.method() + " " + c.path()).toList());
	}
}
