package dev.switchboard.slack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Slack's limits are kept here, never left to an API error: sections of at most 3000
 * characters (split at line ends, code fences closed and reopened), 10 fields per section, 25
 * buttons per row, 50 blocks and a text budget per message. What does not fit is cut, with a link
 * to the incident's page; buttons are never cut.
 */
final class SlackRenderer {

	static final int MAX_BLOCKS = 50;

	static final int SECTION_CHARS = 3000;

	/** Slack refuses some messages whose blocks hold ~13,000 characters (msg_blocks_too_long) well before the documented limits. */
	static final int MESSAGE_CHARS = 11_000;

	private static final int HEADER_CHARS = 150;

	private static final int FIELD_CHARS = 2000;

	private static final int CONTEXT_CHARS = 2000;

	private static final int FIELDS_PER_SECTION = 10;

	private static final int BUTTONS_PER_ROW = 25;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String publicUrl;

	/** @param publicUrl the server's public base URL for links to incident pages, or null */
	SlackRenderer(String publicUrl) {
		this.publicUrl = publicUrl;
	}

	/** @param slackIdOf a person id from ownership.yaml to their Slack user id, if they have one */
	SlackMessage render(Reply reply, Function<String, Optional<String>> slackIdOf) {
		String generation = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
		List<Part> parts = new ArrayList<>();
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Header h) {
				String text = clip((h.drill() ? "[DRILL] " : "") + h.text(), HEADER_CHARS);
				parts.add(new Part(HeaderBlock.builder().text(plain(text)).build(), text.length(), true));
			}
			else if (block instanceof Block.Paragraph p) {
				for (String chunk : chunks(mrkdwn(p.spans(), slackIdOf), SECTION_CHARS)) {
					parts.add(new Part(SectionBlock.builder().text(markdown(chunk)).build(), chunk.length(), false));
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
				parts.add(new Part(ContextBlock.builder().elements(List.of(markdown(text))).build(), text.length(), false));
			}
		}
		List<LayoutBlock> blocks = fit(parts, reply.incidentId());
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

	/**
	 * Splits text into pieces of at most {@code max} characters, at a line end when there is one
	 * in the second half of the piece, and closes a code fence left open by a cut (reopening it
	 * in the next piece).
	 */
	static List<String> chunks(String text, int max) {
		List<String> out = new ArrayList<>();
		String rest = text;
		boolean inFence = false;
		while (!rest.isEmpty()) {
			String prefix = inFence ? "```\n" : "";
			int room = max - prefix.length() - 4;
			if (prefix.length() + rest.length() <= max) {
				out.add(prefix + rest);
				break;
			}
			int cut = rest.lastIndexOf('\n', room);
			if (cut < room / 2) {
				cut = room;
			}
			String piece = prefix + rest.substring(0, cut);
			boolean open = fenceOpen(piece);
			out.add(open ? piece.stripTrailing() + "\n```" : piece);
			inFence = open;
			rest = rest.substring(cut).replaceFirst("^\n", "");
		}
		return out.isEmpty() ? List.of(" ") : out;
	}

	private static boolean fenceOpen(String text) {
		int count = 0;
		for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
			count++;
		}
		return count % 2 == 1;
	}

	private static void fields(Block.Fields f, List<Part> parts) {
		List<TextObject> row = new ArrayList<>();
		int chars = 0;
		for (Block.Field field : f.fields()) {
			String text = clip("*" + escape(field.label()) + "*\n" + escape(field.value()), FIELD_CHARS);
			row.add(markdown(text));
			chars += text.length();
			if (row.size() == FIELDS_PER_SECTION) {
				parts.add(new Part(SectionBlock.builder().fields(row).build(), chars, false));
				row = new ArrayList<>();
				chars = 0;
			}
		}
		if (!row.isEmpty()) {
			parts.add(new Part(SectionBlock.builder().fields(row).build(), chars, false));
		}
	}

	private static void buttons(Block.Buttons b, List<Part> parts) {
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
				parts.add(new Part(ActionsBlock.builder().elements(row).build(), 0, true));
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			parts.add(new Part(ActionsBlock.builder().elements(row).build(), 0, true));
		}
		if (hints.length() > 0) {
			String text = clip(hints.toString().strip(), CONTEXT_CHARS);
			parts.add(new Part(ContextBlock.builder().elements(List.of(markdown(text))).build(), text.length(), true));
		}
	}

	/**
	 * Keeps every essential part (headers, buttons and their hints) and as many others, in order,
	 * as fit in {@value #MAX_BLOCKS} blocks and the text budget; after the first that does not fit,
	 * the rest of the text is replaced by one notice with a link to the incident's page.
	 */
	private List<LayoutBlock> fit(List<Part> parts, String incidentId) {
		int essentialBlocks = (int) parts.stream().filter(Part::essential).count();
		int essentialChars = parts.stream().filter(Part::essential).mapToInt(Part::chars).sum();
		int total = parts.stream().mapToInt(Part::chars).sum();
		if (parts.size() <= MAX_BLOCKS && total <= MESSAGE_CHARS) {
			return parts.stream().map(Part::block).toList();
		}
		String notice = truncated(incidentId);
		int blockRoom = MAX_BLOCKS - essentialBlocks - 1;
		int charRoom = MESSAGE_CHARS - essentialChars - notice.length();
		List<LayoutBlock> out = new ArrayList<>();
		boolean cut = false;
		for (Part part : parts) {
			if (part.essential()) {
				out.add(part.block());
				continue;
			}
			if (!cut && blockRoom > 0 && part.chars() <= charRoom) {
				out.add(part.block());
				blockRoom--;
				charRoom -= part.chars();
				continue;
			}
			if (!cut) {
				cut = true;
				out.add(SectionBlock.builder().text(markdown(notice)).build());
			}
		}
		if (out.size() > MAX_BLOCKS) {
			// only when a reply has more than 49 essential blocks (over a thousand buttons): keep the first ones
			return List.copyOf(out.subList(0, MAX_BLOCKS));
		}
		return out;
	}

	private String truncated(String incidentId) {
		if (incidentId == null) {
			return "_Cut to fit in Slack. Ask a narrower question to see the rest._";
		}
		String id = escape(incidentId.toUpperCase(Locale.ROOT));
		if (publicUrl == null) {
			return "_Cut to fit in Slack: the rest is on the Switchboard server at_ `/api/incidents/" + id + "`";
		}
		return "_Cut to fit in Slack:_ <" + publicUrl + "/api/incidents/" + id + "|the rest of " + id + " on Switchboard>";
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

	private static MarkdownTextObject markdown(String text) {
		return MarkdownTextObject.builder().text(text).build();
	}

	private record Part(LayoutBlock block, int chars, boolean essential) {
	}
}
