package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.switchboard.HttpApi;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import tools.jackson.databind.JsonNode;

/**
 * Discord's rate limits, replayed interactions, and one incident seen alike from Discord, Slack,
 * the terminal's conversation and the REST API, all in one server.
 */
class DiscordReliabilityIntegrationTests extends DiscordTestSupport {

	@Autowired
	Conversation conversation;

	@Test
	void retriesAMessageRefusedWith429AfterItsRetryAfter() {
		Declared d = declare(PRIYA, FakeDiscord.GENERAL, Map.of("runbook", "ai-outage"));
		String route = "channels/" + d.home() + "/messages";
		discord.rateLimit(route, 1);
		int mark = discord.mark();
		discord.click(PRIYA, d.stepId(), button(d.stepId(), "Hard outage"));

		List<FakeDiscord.Call> posts = await("the post refused, then retried", () -> {
			List<FakeDiscord.Call> p = discord.since(mark, "POST", route);
			return p.size() >= 2 ? p : null;
		});
		// JDA waited out Retry-After: 1 (second) before sending it again, and the retry went through
		assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		await("the next step posted", () -> discord.messagesIn(d.home()).stream()
			.anyMatch(m -> m.get("content").asString().contains("Hard outage") && !m.get("components").isEmpty()
					&& Long.parseLong(m.get("id").asString()) > Long.parseLong(d.stepId())));
		assertThat(discord.since(mark, "POST", route)).hasSize(2);
	}

	@Test
	void declaresOnceWhenTheSameSlashCommandIsDeliveredTwice() {
		int before = incidents.list(false, 500).size();
		int mark = discord.mark();
		discord.slash(PRIYA, FakeDiscord.GENERAL, "declare", Map.of("runbook", "llm-down"));
		await("the declaration answered", () -> discord.since(mark, "PATCH", "webhooks/" + FakeDiscord.APPLICATION
				+ "/[^/]+/messages/@original").stream().anyMatch(c -> c.content().contains("declared: <#")));
		await("the pointer in #general", () -> !discord.since(mark, "POST", "channels/" + FakeDiscord.GENERAL + "/messages").isEmpty());
		String interaction = one(discord.since(mark, "POST", "interactions/\\d+/[^/]+/callback")).path().split("/")[1];

		int replay = discord.mark();
		discord.replay(interaction);
		FakeDiscord.Call answer = await("the answer to the replay", () -> one(discord.since(replay, "PATCH",
				"webhooks/" + FakeDiscord.APPLICATION + "/[^/]+/messages/@original")));
		assertThat(answer.content()).contains("Already declared: this request was applied once");
		settle();
		assertThat(incidents.list(false, 500)).hasSize(before + 1);
		assertThat(discord.since(mark, "POST", "guilds/\\d+/channels")).hasSize(1);
		assertThat(discord.since(replay, "POST", "channels/\\d+/messages")).isEmpty();
	}

	@Test
	void showsTheSameIncidentFromDiscordSlackTheTerminalAndRest() throws Exception {
		Declared d = declare(PRIYA, FakeDiscord.GENERAL, Map.of("runbook", "ai-outage", "severity", "sev2",
				"service", "support-replies"));
		String human = "INC-" + d.id();

		// the terminal changes the severity: Discord's pinned status follows
		conversation.command("sev sev1", new ChatContext("priya-natarajan", "priya", "terminal", null, d.id(), "terminal-" + human));
		await("the pinned status showing sev1", () -> discord.message(d.statusId()).get("content").asString()
			.contains(human + " · sev1 · AI provider outage"));

		// REST
		JsonNode rest = new HttpApi(port).get("/api/incidents/" + human, API_TOKEN).json();
		assertThat(rest.get("severity").asString()).isEqualTo("sev1");
		assertThat(rest.get("commander").asString()).isEqualTo("priya-natarajan");
		assertThat(rest.get("currentStep").get("id").asString()).isEqualTo("triage");

		// Slack
		int asked = slack.responses().size();
		assertThat(slack.command(port, "status " + human, "U04PNTJ6D12")).isEqualTo(200);
		String slackStatus = await("Slack's answer", () -> slack.responses().size() > asked ? slack.responses().get(asked) : null);
		assertThat(slackStatus).contains(human + " · sev1 · AI provider outage").contains("Triage: what is failing?");

		// Discord, asked in the incident's channel
		int mark = discord.mark();
		discord.slash(PRIYA, d.home(), "status", Map.of());
		FakeDiscord.Call status = await("Discord's answer", () -> one(discord.since(mark, "PATCH",
				"webhooks/" + FakeDiscord.APPLICATION + "/[^/]+/messages/@original")));
		assertThat(status.content()).contains(human + " · sev1 · AI provider outage").contains("Triage: what is failing?")
			.contains("Priya Natarajan");
	}
}
