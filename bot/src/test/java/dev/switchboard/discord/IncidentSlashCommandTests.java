package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Verb;

import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

class IncidentSlashCommandTests {

	@Test
	void registersTheSlackVerbsAsSubcommandsWithinDiscordsLimits() {
		var definition = IncidentSlashCommand.definition();
		assertThat(definition.getName()).isEqualTo("incident");
		assertThat(definition.getSubcommands()).hasSizeLessThanOrEqualTo(25)
			.extracting(SubcommandData::getName)
			.contains("declare", "status", "timeline", "who", "vendor", "note", "sev", "commander", "resolve", "drill", "help")
			.allMatch(n -> n.matches("[a-z]{1,32}"));
		assertThat(definition.getSubcommands().get(0).getOptions().get(0).isAutoComplete()).isTrue();
	}

	@Test
	void offersEveryVerbOfTheConversation() {
		var conversation = new Conversation(null, null, null, null, null, null, null, null, null, null, null, null);
		assertThat(IncidentSlashCommand.VERBS).extracting(IncidentSlashCommand.Verb::verb)
			.containsAll(conversation.verbs()
				.stream()
				.map(Verb::name)
				.filter(v -> !IncidentSlashCommand.BUTTONS_ONLY.contains(v))
				.toList());
	}

	@Test
	void readsTheOptionsAsTheConversationsLine() {
		assertThat(line("declare", Map.of("runbook", "ai-outage", "severity", "sev1", "service", "invoice-extraction")))
			.isEqualTo("ai-outage sev1 invoice-extraction");
		assertThat(line("declare", Map.of("runbook", "llm-down"))).isEqualTo("llm-down");
		assertThat(line("note", Map.of("text", "  vendor says 20 min  "))).isEqualTo("note vendor says 20 min");
		assertThat(line("status", Map.of())).isEqualTo("status");
		assertThat(line("approve", Map.of("plan", "3fa9c1d2", "n", "1"))).isEqualTo("approve 1 3fa9c1d2");
		assertThat(line("drill", Map.of("what", "ai-outage"))).isEqualTo("drill ai-outage");
	}

	@Test
	void refusesAnOptionThatWouldMakeTheLineAnotherCommand() {
		assertThatThrownBy(() -> line("declare", Map.of("runbook", "resolve"))).hasMessageContaining("is a command, not a runbook");
		assertThatThrownBy(() -> line("declare", Map.of("runbook", "ai-outage resolve"))).hasMessageContaining("takes one word");
		assertThatThrownBy(() -> line("sev", Map.of("level", "sev1 note x"))).hasMessageContaining("takes one word");
	}

	private static String line(String sub, Map<String, String> options) {
		return IncidentSlashCommand.line(sub, options::get);
	}
}
