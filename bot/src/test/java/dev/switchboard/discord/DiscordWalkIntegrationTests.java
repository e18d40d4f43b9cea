package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.EventType;
import tools.jackson.databind.JsonNode;

/**
 * An ai-outage incident worked from Discord through a real JDA client: slash command, its own
 * channel, the pinned status edited in place, steps as buttons, a tier-1 route flip approved by a
 * second person, a stranger refused, a replayed interaction applied once.
 */
class DiscordWalkIntegrationTests extends DiscordTestSupport {

	@Autowired
	SandboxGateway gateway;

	@Test
	void walksFromTheSlashCommandToATierOneFlipApprovedByASecondPersonByButton() {
		int mark = discord.mark();
		Declared d = declare(PRIYA, FakeDiscord.GENERAL, Map.of("runbook", "ai-outage", "severity", "sev1",
				"service", "invoice-extraction"));
		long id = d.id();

		// deferred privately, well within Discord's 3 s: the "thinking…" that only the caller sees
		FakeDiscord.Call defer = one(discord.since(mark, "POST", "interactions/\\d+/[^/]+/callback"));
		assertThat(defer.body().get("type").asInt()).isEqualTo(5);
		java.time.Duration deferredAfter = java.time.Duration.between(discord.sentAt(defer.path().split("/")[1]), defer.at());
		System.out.println("Discord: /incident declare deferred " + deferredAfter.toMillis() + " ms after delivery");
		assertThat(deferredAfter).isLessThan(java.time.Duration.ofSeconds(3));
		assertThat(defer.body().path("data").path("flags").asInt()).isEqualTo(64);

		// its own channel, named after it
		assertThat(discord.channel(d.home()).get("name").asString()).isEqualTo("inc-" + id + "-ai-outage");
		assertThat(discord.since(mark, "POST", "guilds/\\d+/channels")).hasSize(1);

		// the status message: pinned, the engaged owners mentioned, and nobody else can be pinged by it
		JsonNode status = discord.message(d.statusId());
		assertThat(status.get("pinned").asBoolean()).isTrue();
		assertThat(status.get("channel_id").asString()).isEqualTo(d.home());
		String text = status.get("content").asString();
		assertThat(text).contains("INC-" + id + " · sev1 · AI provider outage")
			.contains("Engaging incident-commander: <@")
			.contains("OpenAI status: https://status.openai.com");
		List<String> mentioned = mentions(text);
		assertThat(mentioned).isNotEmpty().allMatch(m -> m.matches("[0-9]{17,20}"));
		JsonNode allowed = status.get("allowed_mentions");
		assertThat(allowed.get("parse")).isEmpty();
		List<String> allowedUsers = new ArrayList<>();
		allowed.get("users").forEach(u -> allowedUsers.add(u.asString()));
		assertThat(allowedUsers).containsExactlyInAnyOrderElementsOf(mentioned.stream().distinct().toList());

		// the first step, with its actions and choices as buttons
		assertThat(discord.message(d.stepId()).get("content").asString()).contains("Triage: what is failing?");
		assertThat(button(d.stepId(), "Hard outage")).isEqualTo("choose/" + id + "/triage/1");
		assertThat(customIds(d.stepId())).contains("run/" + id + "/triage/1");

		// the caller is told where, privately; #general gets a pointer
		await("the caller's answer", () -> discord.since(mark, "PATCH", "webhooks/" + FakeDiscord.APPLICATION + "/[^/]+/messages/@original")
			.stream().anyMatch(c -> c.content().contains("declared: <#" + d.home() + ">")));
		await("the pointer in #general", () -> discord.messagesIn(FakeDiscord.GENERAL).stream().anyMatch(m -> m.get("content").asString()
			.contains("declared by <@" + PRIYA.id() + ">: join <#" + d.home() + ">")));

		// run the step's first action (page): the step is re-rendered in place, the status message edited
		int beforePage = discord.mark();
		discord.click(PRIYA, d.stepId(), "run/" + id + "/triage/1");
		await("the step re-rendered with the page done", () -> buttonOrNull(d.stepId(), "page provider-outage-primary (done)") != null);
		await("the status message edited in place", () -> !discord.since(beforePage, "PATCH",
				"channels/" + d.home() + "/messages/" + d.statusId()).isEmpty());
		assertThat(events(id, EventType.PAGE_SENT)).hasSize(1);

		// choose: the clicked message keeps its text, loses its buttons and says who chose; the next step is posted
		String hard = choose(d, d.stepId(), "Hard outage", "Hard outage");
		assertThat(discord.message(d.stepId()).get("components")).isEmpty();
		assertThat(content(d.stepId())).contains("Triage: what is failing?").contains("<@" + PRIYA.id() + "> chose **Hard outage**");
		String switchRoute = choose(d, hard, "Switch to the secondary route", "Switch");

		// the flip button shows exactly what will change
		String plan = "invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5";
		assertThat(content(switchRoute)).contains(plan);
		String flip = button(switchRoute, "gateway flip invoice-extraction");
		discord.click(PRIYA, switchRoute, flip);
		String approve = await("the Approve button", () -> buttonOrNull(switchRoute, "Approve"));
		assertThat(content(switchRoute)).contains("awaits a second authorized person (not priya-natarajan)");
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");

		// a stranger is refused, privately, and nothing changes
		int beforeStranger = discord.mark();
		discord.click(STRANGER, switchRoute, approve);
		FakeDiscord.Call refusal = await("the stranger's refusal", () -> one(discord.since(beforeStranger, "POST",
				"webhooks/" + FakeDiscord.APPLICATION + "/[^/]+")));
		assertThat(refusal.body().get("flags").asInt() & 64).isEqualTo(64);
		assertThat(refusal.content()).contains("not in ownership.yaml");
		settle();
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("openai/gpt-4.1");

		// a second authorized person approves by button: flipped, with Roll back and Renew
		int beforeApproval = discord.mark();
		String approval = discord.click(AMELIE, switchRoute, approve);
		String flipped = await("the step after the approval", () -> discord.messagesIn(d.home()).stream()
			.filter(m -> Long.parseLong(m.get("id").asString()) > Long.parseLong(switchRoute)
					&& m.get("components").toString().contains("(done)"))
			.map(m -> m.get("id").asString())
			.findFirst()
			.orElse(null));
		assertThat(gateway.read("invoice-extraction").activeTarget()).isEqualTo("anthropic/claude-sonnet-4-5");
		assertThat(button(flipped, "Roll back")).startsWith("rollback/" + id + "/switch-route/");
		assertThat(button(flipped, "Renew")).startsWith("renew/" + id + "/switch-route/");
		assertThat(content(switchRoute)).contains("<@" + AMELIE.id() + "> chose **Approve");
		long flips = events(id, EventType.ACTION_SUCCEEDED).size();
		assertThat(discord.since(beforeApproval, "POST", "channels/" + d.home() + "/messages")).hasSize(1);

		// the same approval delivered again (a resumed gateway session): applied once
		int beforeReplay = discord.mark();
		discord.replay(approval);
		FakeDiscord.Call again = await("the answer to the replay", () -> one(discord.since(beforeReplay, "POST",
				"webhooks/" + FakeDiscord.APPLICATION + "/[^/]+")));
		assertThat(again.content()).contains("Already done");
		settle();
		assertThat(events(id, EventType.ACTION_SUCCEEDED)).hasSize((int) flips);
		assertThat(discord.since(beforeReplay, "POST", "channels/" + d.home() + "/messages")).isEmpty();
	}

	@Test
	void refusesADeclarationBySomeoneNotInOwnershipPrivately() {
		int mark = discord.mark();
		int before = incidents.list(false, 500).size();
		discord.slash(STRANGER, FakeDiscord.GENERAL, "declare", Map.of("runbook", "ai-outage"));
		FakeDiscord.Call answer = await("the private answer", () -> one(discord.since(mark, "PATCH",
				"webhooks/" + FakeDiscord.APPLICATION + "/[^/]+/messages/@original")));
		assertThat(answer.content()).contains("not in ownership.yaml").contains("discord id");
		settle();
		assertThat(incidents.list(false, 500)).hasSize(before);
		assertThat(discord.since(mark, "POST", "guilds/\\d+/channels")).isEmpty();
		assertThat(discord.since(mark, "POST", "channels/\\d+/messages")).isEmpty();
	}

	/** Clicks the choice labelled {@code label} on {@code messageId}; returns the id of the next step once posted. */
	private String choose(Declared d, String messageId, String label, String nextTitle) {
		String choice = button(messageId, label);
		int before = discord.mark();
		discord.click(PRIYA, messageId, choice);
		String next = await("the step '" + nextTitle + "'", () -> discord.messagesIn(d.home()).stream()
			.filter(m -> Long.parseLong(m.get("id").asString()) > Long.parseLong(messageId)
					&& m.get("content").asString().contains(nextTitle) && !m.get("components").isEmpty())
			.map(m -> m.get("id").asString())
			.reduce((a, b) -> b)
			.orElse(null));
		await("the clicked message without buttons", () -> discord.message(messageId).get("components").isEmpty());
		assertThat(discord.since(before, "POST", "channels/" + d.home() + "/messages")).hasSize(1);
		return next;
	}

	private String content(String messageId) {
		return discord.message(messageId).get("content").asString();
	}

	private List<String> customIds(String messageId) {
		List<String> ids = new ArrayList<>();
		discord.message(messageId).get("components").forEach(r -> r.get("components").forEach(c -> ids.add(c.get("custom_id").asString())));
		return ids;
	}

	private String buttonOrNull(String messageId, String label) {
		try {
			return button(messageId, label);
		}
		catch (AssertionError ex) {
			return null;
		}
	}

	private static List<String> mentions(String text) {
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile("<@([0-9]+)>").matcher(text);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}
}
