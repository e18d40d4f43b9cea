package dev.switchboard.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The verb table alone: who may use which word, and what help says. No registry is touched. */
class ConversationVerbsTests {

	private final Conversation conversation = new Conversation(null, null, null, null, null, null, null, null, null,
			null, null, null);

	private static final ChatContext STRANGER = new ChatContext(null, "U999", "slack", "C1", 4L, null);

	@Test
	void aStrangerIsRefusedEveryVerbThatActsAndAnyDeclaration() {
		List<String> acting = conversation.verbs().stream().filter(Verb::writes).map(Verb::name).toList();
		assertThat(acting).contains("choose", "run", "approve", "note", "resolve", "ack", "drill", "rollback", "renew");
		for (String verb : acting) {
			assertThat(text(conversation.command(verb + " 1", STRANGER))).as(verb).contains("not in ownership.yaml");
		}
		assertThat(text(conversation.command("ai-outage sev1", STRANGER))).contains("not in ownership.yaml");
	}

	@Test
	void readingVerbsDoNotAct() {
		assertThat(conversation.verbs().stream().filter(v -> !v.writes()).map(Verb::name))
			.containsExactly("help", "runbooks", "who", "vendor", "list", "routes", "status", "step", "timeline",
					"postmortem");
	}

	@Test
	void helpListsEveryVerbOnceWithItsUsage() {
		String help = text(conversation.command("?", STRANGER));
		assertThat(help).contains("incident <runbook> [sev1..sev4] [service]");
		for (Verb verb : conversation.verbs()) {
			assertThat(help).as(verb.name()).contains(verb.usage() + " ").contains(verb.summary());
		}
		assertThat(text(conversation.command("", STRANGER))).isEqualTo(help);
	}

	@Test
	void everyWordBelongsToOneVerb() {
		List<String> names = conversation.verbs().stream().flatMap(v -> v.names().stream()).toList();
		assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.equals(n.toLowerCase(java.util.Locale.ROOT)));
	}

	private static String text(Reply reply) {
		return reply.plainText();
	}

}
