package dev.switchboard.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

/**
 * Block Kit's size limits for one message: text in sections of at most {@value #SECTION_CHARS}
 * characters (cut at line ends, code fences closed and reopened), at most {@value #MAX_BLOCKS}
 * blocks and a text budget per message. What does not fit is cut, with a link to the incident's
 * page; headers and buttons are never cut.
 */
final class SlackLimits {

	static final int MAX_BLOCKS = 50;

	static final int SECTION_CHARS = 3000;

	/** Slack refuses some messages whose blocks hold ~13,000 characters (msg_blocks_too_long) well before the documented limits. */
	static final int MESSAGE_CHARS = 11_000;

	/** A rendered block, its text size, and whether it must survive cutting (headers, buttons and their hints). */
	record Part(LayoutBlock block, int chars, boolean essential) {
	}

	private final String publicUrl;

	SlackLimits(String publicUrl) {
		this.publicUrl = publicUrl;
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

	/**
	 * Keeps every essential part (headers, buttons and their hints) and as many others, in order,
	 * as fit in {@value #MAX_BLOCKS} blocks and the text budget; after the first that does not fit,
	 * the rest of the text is replaced by one notice with a link to the incident's page.
	 */
	List<LayoutBlock> fit(List<Part> parts, String incidentId) {
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
				out.add(SectionBlock.builder().text(SlackRenderer.markdown(notice)).build());
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
		String id = SlackRenderer.escape(incidentId.toUpperCase(Locale.ROOT));
		if (publicUrl == null) {
			return "_Cut to fit in Slack: the rest is on the Switchboard server at_ `/api/incidents/" + id + "`";
		}
		return "_Cut to fit in Slack:_ <" + publicUrl + "/api/incidents/" + id + "|the rest of " + id + " on Switchboard>";
	}

}
