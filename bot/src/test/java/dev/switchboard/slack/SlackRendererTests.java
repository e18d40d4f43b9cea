package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

class SlackRendererTests {

	private static final Function<String, Optional<String>> SLACK_IDS = person -> Optional
		.ofNullable(Map.of("priya-natarajan", "U04PNTJ6D12").get(person));

	private final SlackRenderer renderer = new SlackRenderer("https://switchboard.example.com");

	private final Gson gson = GsonFactory.createSnakeCase();

	@Test
	void escapesTextSoItCannotPingOrLinkAndTurnsMentionsIntoRealOnes() {
		Reply reply = new Reply(List.of(new Block.Paragraph(List.of(new Span.Plain("<!channel> & <https://evil|click> for "),
				new Span.Mention("priya-natarajan", "Priya Natarajan"), new Span.Plain(" and "),
				new Span.Mention("no-slack-id", "Ann <Admin>")))), false, "INC-1", false);
		String text = section(renderer.render(reply, SLACK_IDS).blocks().get(0));
		assertThat(text).isEqualTo("&lt;!channel&gt; &amp; &lt;https://evil|click&gt; for <@U04PNTJ6D12> and @Ann &lt;Admin&gt;");
	}

	@Test
	void rendersButtonsWithTheirActionIdsStylesConfirmationsAndHints() {
		ActionId flip = new ActionId(ActionId.Kind.RUN, 7, "switch-route", 1);
		ActionId next = new ActionId(ActionId.Kind.CHOOSE, 7, "switch-route", 1);
		Reply reply = new Reply(List.of(new Block.Header("INC-7 · Switch", true),
				new Block.Buttons(List.of(new Block.Button("Flip invoice-extraction", null, flip, Block.Style.DANGER,
						"This changes production: flip. Run it?"))),
				new Block.Buttons(List.of(new Block.Button("Next: Verify", "within 10 minutes", next, Block.Style.PRIMARY, null)))),
				false, "INC-7", false);
		List<LayoutBlock> blocks = renderer.render(reply, SLACK_IDS).blocks();
		assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("[DRILL] INC-7 · Switch");
		ButtonElement danger = (ButtonElement) ((ActionsBlock) blocks.get(1)).getElements().get(0);
		assertThat(danger.getActionId()).isEqualTo("run/7/switch-route/1");
		assertThat(danger.getStyle()).isEqualTo("danger");
		assertThat(danger.getConfirm().getText().getText()).isEqualTo("This changes production: flip. Run it?");
		ButtonElement primary = (ButtonElement) ((ActionsBlock) blocks.get(2)).getElements().get(0);
		assertThat(primary.getStyle()).isEqualTo("primary");
		assertThat(primary.getConfirm()).isNull();
		assertThat(((MarkdownTextObject) ((ContextBlock) blocks.get(3)).getElements().get(0)).getText())
			.isEqualTo("*Next: Verify*: within 10 minutes");
		assertThat(blocks).extracting(SlackRendererTests::blockId).doesNotHaveDuplicates().allMatch(id -> id.length() <= 255);
		assertThat(ActionId.decode(danger.getActionId())).contains(flip);
	}

	@Test
	void rendersTheRollBackButtonWithItsConfirmationDialog() {
		ActionId rollback = new ActionId(ActionId.Kind.ROLLBACK, 7, "switch-route", 2);
		Reply reply = new Reply(List.of(new Block.Buttons(List.of(new Block.Button("Roll back support-replies", null,
				rollback, Block.Style.DANGER, "This changes production: roll back. Roll back?")))), false, "INC-7", false);

		ButtonElement button = (ButtonElement) ((ActionsBlock) renderer.render(reply, SLACK_IDS).blocks().get(0))
			.getElements()
			.get(0);

		assertThat(button.getActionId()).isEqualTo("rollback/7/switch-route/2");
		assertThat(button.getStyle()).isEqualTo("danger");
		assertThat(button.getConfirm().getText().getText()).isEqualTo("This changes production: roll back. Roll back?");
		assertThat(ActionId.decode(button.getActionId())).contains(rollback);
	}

	@Test
	void splitsLongTextIntoSectionsOfAtMost3000CharactersAndKeepsCodeFencesClosed() {
		StringBuilder text = new StringBuilder("```\n");
		for (int i = 0; i < 300; i++) {
			text.append("line ").append(i).append(" of a long log excerpt\n");
		}
		text.append("```\nafter the code");
		List<LayoutBlock> blocks = renderer.render(paragraphs(text.toString()), SLACK_IDS).blocks();
		assertThat(blocks).hasSizeGreaterThan(3).allMatch(b -> b instanceof SectionBlock);
		for (LayoutBlock block : blocks) {
			String section = section(block);
			assertThat(section.length()).isLessThanOrEqualTo(SlackLimits.SECTION_CHARS);
			assertThat(count(section, "```") % 2).as(section).isZero();
		}
		assertThat(section(blocks.get(blocks.size() - 1))).endsWith("after the code");
	}

	@Test
	void cutsAnOverlongReplyToFiftyBlocksWithALinkToTheIncidentAndKeepsItsButtons() {
		List<Block> many = new ArrayList<>();
		many.add(new Block.Header("INC-42 · timeline", false));
		for (int i = 0; i < 120; i++) {
			many.add(new Block.Paragraph(List.of(new Span.Plain("entry " + i))));
		}
		many.add(new Block.Buttons(List.of(new Block.Button("Next", null, new ActionId(ActionId.Kind.CHOOSE, 42, "triage", 1),
				Block.Style.PRIMARY, null))));
		List<LayoutBlock> blocks = renderer.render(new Reply(many, false, "INC-42", false), SLACK_IDS).blocks();
		assertThat(blocks).hasSize(SlackLimits.MAX_BLOCKS);
		assertThat(blocks.get(blocks.size() - 1)).isInstanceOf(ActionsBlock.class);
		assertThat(section(blocks.get(blocks.size() - 2)))
			.contains("<https://switchboard.example.com/api/incidents/INC-42|the rest of INC-42 on Switchboard>");
	}

	@Test
	void cutsAReplyOverTheTextBudgetEvenWithFewBlocks() {
		List<Block> big = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			big.add(new Block.Paragraph(List.of(new Span.Plain("x".repeat(2900)))));
		}
		SlackMessage message = new SlackRenderer(null).render(new Reply(big, true, "INC-3", false), SLACK_IDS);
		int chars = message.blocks().stream().filter(b -> b instanceof SectionBlock).mapToInt(b -> section(b).length()).sum();
		assertThat(chars).isLessThanOrEqualTo(SlackLimits.MESSAGE_CHARS);
		assertThat(section(message.blocks().get(message.blocks().size() - 1))).contains("/api/incidents/INC-3");
	}

	@Test
	void keepsFieldsWithinSlacksLimitsAndSerializesAsBlockKit() {
		List<Block.Field> fields = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			fields.add(new Block.Field("Label " + i, i == 0 ? "v".repeat(2500) : "value " + i));
		}
		SlackMessage message = renderer.render(new Reply(List.of(new Block.Fields(fields), new Block.Context("a < b")), false, null,
				false), SLACK_IDS);
		SectionBlock first = (SectionBlock) message.blocks().get(0);
		assertThat(first.getFields()).hasSize(10).allMatch(f -> f.getText().length() <= 2000);
		assertThat(((SectionBlock) message.blocks().get(1)).getFields()).hasSize(3);
		String json = gson.toJson(message.blocks());
		assertThat(json).contains("\"type\":\"section\"").contains("\"type\":\"context\"");
		var context = com.google.gson.JsonParser.parseString(json).getAsJsonArray().get(2).getAsJsonObject();
		assertThat(context.getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("a &lt; b");
	}

	@Test
	void namesChannelsAsSlackAllows() {
		assertThat(SlackIncidentHome.name("inc", incident(42, "ai-outage", false))).isEqualTo("inc-42-ai-outage");
		assertThat(SlackIncidentHome.name("inc", incident(7, "Model Deprecation!!", true))).isEqualTo("inc-7-drill-model-deprecation");
		assertThat(SlackIncidentHome.name("inc", incident(9, "x".repeat(200), false))).hasSizeLessThanOrEqualTo(80);
	}

	private static dev.switchboard.incident.Incident incident(long id, String runbook, boolean drill) {
		java.time.Instant now = java.time.Instant.now();
		return new dev.switchboard.incident.Incident(id, "t", runbook, "a".repeat(64), "a".repeat(64), "s", "sev1", null, "p",
				dev.switchboard.incident.IncidentStatus.OPEN, drill, dev.switchboard.incident.ChatRef.NONE, now, null, null, null, now, 0, 0);
	}

	private static Reply paragraphs(String text) {
		return new Reply(List.of(new Block.Paragraph(List.of(new Span.Plain(text)))), false, "INC-1", false);
	}

	private static String section(LayoutBlock block) {
		return ((SectionBlock) block).getText().getText();
	}

	private static String blockId(LayoutBlock block) {
		if (block instanceof HeaderBlock b) {
			return b.getBlockId();
		}
		if (block instanceof ActionsBlock b) {
			return b.getBlockId();
		}
		if (block instanceof ContextBlock b) {
			return b.getBlockId();
		}
		return ((SectionBlock) block).getBlockId();
	}

	private static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
			n++;
		}
		return n;
	}
}
