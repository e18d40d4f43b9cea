package dev.switchboard.slack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

/**
 * A {@link Reply} as Block Kit. User and runbook text is escaped ({@code & < >}) so it cannot
 * inject pings or links; mentions become real {@code <@U…>} mentions; buttons carry the
 * conversation's encoded action id; anything that changes production asks for confirmation.
 * Slack's limits are kept, never left to an API error: 150 characters per header, 10 fields of
 * 2000 per section, 25 buttons per row here; sections, blocks per message and the text budget in
 * {@link SlackLimits}.
 */
final class SlackRenderer {

	private static final int HEADER_CHARS = 150;

	private static final int FIELD_CHARS = 2000;

	private static final int CONTEXT_CHARS = 2000;

	private static final int FIELDS_PER_SECTION = 10;

	private static final int BUTTONS_PER_ROW = 25;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SlackLimits limits;

	/** @param publicUrl the server's public base URL for links to incident pages, or null */
	SlackRenderer(String publicUrl) {
		this.limits = new SlackLimits(publicUrl);
	}

	/** @param slackIdOf a person id from ownership.yaml to their Slack user id, if they have one */
	SlackMessage render(Reply reply, Function<String, Optional<String>> slackIdOf) {
		String generation = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
		List<SlackLimits.Part> parts = new ArrayList<>();
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Header h) {
				String text = clip((h.drill() ? "[DRILL] " : "") + h.text(), HEADER_CHARS);
				parts.add(new SlackLimits.Part(HeaderBlock.builder().text(plain(text)).build(), text.length(), true));
			}
			else if (block instanceof Block.Paragraph p) {
				for (String chunk : SlackLimits.chunks(mrkdwn(p.spans(), slackIdOf), SlackLimits.SECTION_CHARS)) {
					parts.add(new SlackLimits.Part(SectionBlock.builder().text(markdown(chunk)).build(), chunk.length(), false));
				}
			}
			else if (block instanceof Block.Fields f) {
				fields(f, parts);
			}
			else if (block instanceof Block.Buttons b) {
				buttons(b, parts);
			}
			else if (block instanceof Block.Context c) {
				String text = clip(escape(c.text()), CONTEXT_CHARS);
				parts.add(new SlackLimits.Part(ContextBlock.builder().elements(List.of(markdown(text))).build(), text.length(), false));
			}
		}
		List<LayoutBlock> blocks = limits.fit(parts, reply.incidentId());
		for (int i = 0; i < blocks.size(); i++) {
			setBlockId(blocks.get(i), generation + "-" + i);
		}
		return new SlackMessage(blocks, fallback(reply));
	}

	/** Slack's mrkdwn escaping of {@code &}, {@code <} and {@code >}; everything else is shown as typed. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static String mrkdwn(List<Span> spans, Function<String, Optional<String>> slackIdOf) {
		StringBuilder out = new StringBuilder();
		for (Span span : spans) {
			if (span instanceof Span.Mention m) {
				out.append(slackIdOf.apply(m.personId()).filter(SlackRenderer::isUserId).map(id -> "<@" + id + ">")
					.orElse("@" + escape(m.name())));
			}
			else {
				out.append(escape(span.plainText()));
			}
		}
		return out.toString().strip();
	}

	private static boolean isUserId(String id) {
		return id.matches("[UW][A-Z0-9]{2,20}");
	}

	private static void fields(Block.Fields f, List<SlackLimits.Part> parts) {
		List<TextObject> row = new ArrayList<>();
		int chars = 0;
		for (Block.Field field : f.fields()) {
			String text = clip("*" + escape(field.label()) + "*\n" + escape(field.value()), FIELD_CHARS);
			row.add(markdown(text));
			chars += text.length();
			if (row.size() == FIELDS_PER_SECTION) {
				parts.add(new SlackLimits.Part(SectionBlock.builder().fields(row).build(), chars, false));
				row = new ArrayList<>();
				chars = 0;
			}
		}
		if (!row.isEmpty()) {
			parts.add(new SlackLimits.Part(SectionBlock.builder().fields(row).build(), chars, false));
		}
	}

	private static void buttons(Block.Buttons b, List<SlackLimits.Part> parts) {
		List<BlockElement> row = new ArrayList<>();
		StringBuilder hints = new StringBuilder();
		for (Block.Button button : b.buttons()) {
			ButtonElement.ButtonElementBuilder e = ButtonElement.builder()
				.text(plain(clip(button.label(), 75)))
				.actionId(button.action().encode())
				.value(button.action().encode());
			if (button.style() == Block.Style.PRIMARY) {
				e.style("primary");
			}
			else if (button.style() == Block.Style.DANGER) {
				e.style("danger");
			}
			if (button.confirm() != null) {
				e.confirm(ConfirmationDialogObject.builder()
					.title(plain("Are you sure?"))
					.text(plain(clip(button.confirm(), 300)))
					.confirm(plain(clip(button.style() == Block.Style.DANGER ? "Yes, do it" : "Yes", 30)))
					.deny(plain("Cancel"))
					.style(button.style() == Block.Style.DANGER ? "danger" : null)
					.build());
			}
			if (button.hint() != null && !button.hint().isBlank()) {
				e.accessibilityLabel(clip(button.label() + ": " + button.hint(), 75));
				hints.append("*").append(escape(button.label())).append("*: ").append(escape(button.hint())).append('\n');
			}
			row.add(e.build());
			if (row.size() == BUTTONS_PER_ROW) {
				parts.add(new SlackLimits.Part(ActionsBlock.builder().elements(row).build(), 0, true));
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			parts.add(new SlackLimits.Part(ActionsBlock.builder().elements(row).build(), 0, true));
		}
		if (hints.length() > 0) {
			String text = clip(hints.toString().strip(), CONTEXT_CHARS);
			parts.add(new SlackLimits.Part(ContextBlock.builder().elements(List.of(markdown(text))).build(), text.length(), true));
		}
	}

	private static String fallback(Reply reply) {
		String first = reply.blocks().isEmpty() ? "" : reply.blocks().get(0).plainText();
		return clip(escape(first.isBlank() ? reply.plainText() : first), 300);
	}

	private static void setBlockId(LayoutBlock block, String id) {
		if (block instanceof HeaderBlock b) {
			b.setBlockId(id);
		}
		else if (block instanceof SectionBlock b) {
			b.setBlockId(id);
		}
		else if (block instanceof ActionsBlock b) {
			b.setBlockId(id);
		}
		else if (block instanceof ContextBlock b) {
			b.setBlockId(id);
		}
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static PlainTextObject plain(String text) {
		return PlainTextObject.builder().text(text).emoji(true).build();
	}

	static MarkdownTextObject markdown(String text) {
		return MarkdownTextObject.builder().text(text).build();
	}

}
