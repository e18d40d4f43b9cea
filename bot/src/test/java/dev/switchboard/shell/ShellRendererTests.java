package dev.switchboard.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

import static org.assertj.core.api.Assertions.assertThat;

class ShellRendererTests {

	private final ShellRenderer renderer = new ShellRenderer();

	@Test
	void underlinesHeadersAndMarksDrills() {
		String text = render(new Block.Header("INC-4 · Triage", false), new Block.Header("INC-5 · Triage", true));

		assertThat(text).contains("INC-4 · Triage\n==============\n").endsWith("\n[DRILL] INC-5 · Triage\n======================");
	}

	@Test
	void capsTheUnderlineOfALongHeaderAtTheTerminalWidth() {
		String text = render(new Block.Header("x".repeat(120), false));

		assertThat(text).contains("\n" + "=".repeat(78)).doesNotContain("=".repeat(79));
	}

	@Test
	void writesMentionsAsAtName() {
		String text = render(new Block.Paragraph(List.of(new Span.Plain("Engaging comms: "),
				new Span.Mention("emma-dubois", "Emma Dubois"))));

		assertThat(text).isEqualTo("Engaging comms: @Emma Dubois");
	}

	@Test
	void alignsFieldValuesUnderTheLongestLabel() {
		String text = render(new Block.Fields(List.of(new Block.Field("Status", "open"),
				new Block.Field("Current step", "Hard outage"))));

		assertThat(text.lines()).containsExactly("  Status        open", "  Current step  Hard outage");
	}

	@Test
	void numbersChoicesForChooseAndActionsForRun() {
		Block.Buttons actions = new Block.Buttons(List.of(
				button("page provider-outage-primary (done)", null, ActionId.Kind.RUN, 1),
				button("gateway flip invoice-extraction secondary", null, ActionId.Kind.RUN, 2)));
		Block.Buttons choices = new Block.Buttons(List.of(button("Hard outage", "5xx above 5 %", ActionId.Kind.CHOOSE, 1),
				button("Throttling", null, ActionId.Kind.CHOOSE, 2)));

		String text = render(actions, choices, new Block.Context("Strategy: switch-route"));

		assertThat(text).isEqualTo("""
				Actions (run N):
				  1) page provider-outage-primary (done)
				  2) gateway flip invoice-extraction secondary

				Choices (choose N):
				  1) Hard outage — 5xx above 5 %
				  2) Throttling

				  Strategy: switch-route""");
	}

	@Test
	void numbersRollBackAndRenewButtonsAndShowsTheirTypedCommand() {
		Block.Buttons changes = new Block.Buttons(List.of(
				button("Roll back support-replies: openai/gpt-4.1 → anthropic/claude-sonnet-4-5", "`rollback support-replies`",
						ActionId.Kind.ROLLBACK, 2),
				button("Renew the lease of support-replies", "`renew support-replies`", ActionId.Kind.RENEW, 2)));

		assertThat(render(changes)).isEqualTo("""
				Route changes in effect (rollback <route> | renew <route>):
				  1) Roll back support-replies: openai/gpt-4.1 → anthropic/claude-sonnet-4-5 — `rollback support-replies`
				  2) Renew the lease of support-replies — `renew support-replies`""");
	}

	@Test
	void rendersTheWholeReplyAsPlainTerminalText() {
		String text = render(new Block.Header("INC-4 · Hard outage", false),
				new Block.Paragraph(List.of(new Span.Plain("Check the **secondary** probe.  "))),
				new Block.Buttons(List.of(button("Next: Verify the secondary", null, ActionId.Kind.CHOOSE, 1))));

		assertThat(text).isEqualTo("""

				INC-4 · Hard outage
				===================
				Check the **secondary** probe.

				Choices (choose N):
				  1) Next: Verify the secondary""");
	}

	private String render(Block... blocks) {
		return renderer.render(new Reply(List.of(blocks), false, null, false));
	}

	private static Block.Button button(String label, String hint, ActionId.Kind kind, int index) {
		return new Block.Button(label, hint, new ActionId(kind, 4, "triage", index), Block.Style.DEFAULT, null);
	}
}
