package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

class DiscordRendererTests {

	private final DiscordRenderer renderer = new DiscordRenderer("https://switchboard.example.com");

	@Test
	void keepsToTwentyFiveButtonsAndTellsHowToReachTheRest() {
		List<Block.Button> buttons = IntStream.rangeClosed(1, 30)
			.mapToObj(n -> new Block.Button("action " + n, null, new ActionId(ActionId.Kind.RUN, 7, "triage", n), Block.Style.DEFAULT, null))
			.toList();
		DiscordMessage message = render(new Block.Buttons(buttons));

		assertThat(message.rows()).hasSize(5).allMatch(r -> r.getComponents().size() <= 5);
		assertThat(buttons(message)).hasSize(25).first().extracting(Button::getCustomId).isEqualTo("run/7/triage/1");
		assertThat(message.content()).contains("5 more buttons do not fit").contains("/incident run <n>");
	}

	@Test
	void keepsCustomIdsWithinOneHundredCharactersAndResolvesThemBack() {
		String longStep = "s".repeat(150);
		ActionId approve = new ActionId(ActionId.Kind.APPROVE, 42, longStep, 1, "0123456789abcdef0123");
		String customId = DiscordCustomIds.encode(approve);

		assertThat(customId).hasSizeLessThanOrEqualTo(100).startsWith("approve/42/~");
		String decoded = DiscordCustomIds.decode(customId, incident -> List.of("triage", longStep));
		assertThat(ActionId.decode(decoded)).hasValueSatisfying(a -> {
			assertThat(a.step()).isEqualTo(longStep);
			assertThat(a.plan()).isEqualTo("0123456789ab");
		});
		// a step the runbook no longer has stays unknown, so the click is refused like any stale one
		assertThat(DiscordCustomIds.decode(customId, incident -> List.of("triage"))).contains("unknown-step-");
		// short ids are the conversation's own
		assertThat(DiscordCustomIds.encode(new ActionId(ActionId.Kind.CHOOSE, 42, "triage", 2))).isEqualTo("choose/42/triage/2");
	}

	@Test
	void cutsLongTextWithinTwoThousandCharactersWithALinkAndKeepsTheButtonsLines() {
		String body = IntStream.range(0, 120).mapToObj(n -> "line " + n + " of a very long step body").reduce((a, b) -> a + "\n" + b).orElseThrow();
		Reply reply = new Reply(List.of(new Block.Header("INC-9 · Triage", false), new Block.Paragraph(List.of(new Span.Plain(body))),
				new Block.Buttons(List.of(new Block.Button("Hard outage", "5xx above 5 %", new ActionId(ActionId.Kind.CHOOSE, 9, "triage", 1),
						Block.Style.DEFAULT, null)))), false, "INC-9", false);
		DiscordMessage message = renderer.render(reply, id -> Optional.empty());

		assertThat(message.content()).hasSizeLessThanOrEqualTo(2000)
			.contains("cut to fit in Discord: the rest at <https://switchboard.example.com/api/incidents/INC-9>")
			.contains("**Hard outage**: 5xx above 5 %")
			.startsWith("## INC-9 · Triage");
	}

	@Test
	void showsALabelTooLongForAButtonWholeInTheText() {
		String plan = "gateway flip invoice-extraction secondary — invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5 [sandbox]";
		DiscordMessage message = render(new Block.Buttons(List.of(new Block.Button(plan, null,
				new ActionId(ActionId.Kind.RUN, 3, "switch-route", 1), Block.Style.DANGER, "This changes production"))));

		assertThat(buttons(message).get(0).getLabel()).hasSize(80).endsWith("…");
		assertThat(buttons(message).get(0).getStyle().name()).isEqualTo("DANGER");
		assertThat(message.content()).contains(plan);
	}

	@Test
	void pingsOnlyPeopleWithADiscordIdAndNothingTypedByUsers() {
		Reply reply = new Reply(List.of(new Block.Paragraph(List.of(new Span.Plain("note: @everyone @here <@111111111111111111> "),
				new Span.Mention("priya-natarajan", "Priya Natarajan"), new Span.Plain(" and "),
				new Span.Mention("grace-kim", "Grace Kim")))), false, null, false);
		DiscordMessage message = renderer.render(reply,
				id -> id.equals("priya-natarajan") ? Optional.of("388120475591000064") : Optional.empty());

		assertThat(message.mentions()).containsExactly("388120475591000064");
		assertThat(message.content()).contains("<@388120475591000064>").contains("@Grace Kim")
			.doesNotContain("@everyone").doesNotContain("@here").doesNotContain("<@111111111111111111>");
		assertThat(message.create().getAllowedMentions()).isEmpty();
		assertThat(message.create().getMentionedUsers()).containsExactly("388120475591000064");
	}

	@Test
	void marksADrillInItsHeader() {
		DiscordMessage message = render(new Block.Header("INC-4 · sev2 · AI provider outage", true));
		assertThat(message.content()).startsWith("## [DRILL] INC-4");
	}

	private DiscordMessage render(Block block) {
		return renderer.render(new Reply(List.of(block), false, "INC-1", false), id -> Optional.empty());
	}

	private static List<Button> buttons(DiscordMessage message) {
		List<Button> out = new ArrayList<>();
		for (ActionRow row : message.rows()) {
			row.getComponents().forEach(c -> out.add((Button) c));
		}
		return out;
	}
}
