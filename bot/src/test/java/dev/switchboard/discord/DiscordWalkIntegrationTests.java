package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An ai-outage incident worked from Discord: slash command, home, pinned status, button clicks. */
class DiscordWalkIntegrationTests extends DiscordTestSupport {

	@Test
	void declaresByTheSlashCommandIntoItsOwnChannelWithThePinnedStatusAndTheFirstStep() {
		int mark = discord.mark();
		Declared d = declare(PRIYA, FakeDiscord.GENERAL, Map.of("runbook", "ai-outage", "severity", "sev1",
				"service", "invoice-extraction"));
		assertThat(discord.channel(d.home()).get("name").asString()).isEqualTo("inc-" + d.id() + "-ai-outage");
		assertThat(discord.message(d.statusId()).get("content").asString()).contains("INC-" + d.id() + " · sev1");
		assertThat(discord.message(d.stepId()).get("content").asString()).contains("Triage");
	}
}
