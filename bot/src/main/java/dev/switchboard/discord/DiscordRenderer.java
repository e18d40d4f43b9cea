package dev.switchboard.discord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;

/**
 * A {@link Reply} as one Discord message: headers as markdown headings, fields as bold labels,
 * small print as subtext, mentions as real {@code <@id>} mentions (and only those may ping), buttons
 * as rows carrying the conversation's action id ({@link DiscordCustomIds}). Discord's limits are kept,
 * never left to an API error: labels of 80 characters (a longer one is shown whole in the text below,
 * so a flip's exact plan is always visible), five rows of five buttons (the rest named with the
 * command that does the same), and 2,000 characters: text that does not fit is cut at a line end
 * with a link to the incident's page, while the buttons' lines are kept.
 */
final class DiscordRenderer {

	static final int CONTENT_CHARS = 2000;

	static final int LABEL_CHARS = 80;

	static final int ROWS = 5;

	static final int PER_ROW = 5;

	private final String publicUrl;

	/** @param publicUrl the server's public base URL for links to incident pages, or null */
	DiscordRenderer(String publicUrl) {
		this.publicUrl = publicUrl;
	}

	/** @param discordIdOf a person id from ownership.yaml to their Discord user id, if they have one */
	DiscordMessage render(Reply reply, Function<String, Optional<String>> discordIdOf) {
		StringBuilder text = new StringBuilder();
		StringBuilder buttonLines = new StringBuilder();
		Set<String> mentions = new LinkedHashSet<>();
		List<ActionRow> rows = new ArrayList<>();
		int hidden = 0;
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Header h) {
				text.append("## ").append(h.drill() ? "[DRILL] " : "").append(oneLine(h.text())).append('\n');
			}
			else if (block instanceof Block.Paragraph p) {
				text.append(spans(p.spans(), discordIdOf, mentions)).append('\n');
			}
			else if (block instanceof Block.Fields f) {
				for (Block.Field field : f.fields()) {
					text.append("**").append(neutral(field.label())).append(":** ").append(neutral(field.value())).append('\n');
				}
			}
			else if (block instanceof Block.Context c) {
				for (String line : neutral(c.text()).split("\n")) {
					text.append("-# ").append(line).append('\n');
				}
			}
			else if (block instanceof Block.Buttons b) {
				List<Button> row = new ArrayList<>();
				for (Block.Button button : b.buttons()) {
					if (rows.size() == ROWS) {
						hidden++;
						continue;
					}
					row.add(button(button));
					String label = neutral(oneLine(button.label()));
					boolean clipped = label.length() > LABEL_CHARS;
					if (clipped || (button.hint() != null && !button.hint().isBlank())) {
						buttonLines.append("-# **").append(label).append("**")
							.append(button.hint() == null || button.hint().isBlank() ? "" : ": " + neutral(oneLine(button.hint())))
							.append('\n');
					}
					if (row.size() == PER_ROW) {
						rows.add(ActionRow.of(row));
						row = new ArrayList<>();
					}
				}
				if (!row.isEmpty() && rows.size() < ROWS) {
					rows.add(ActionRow.of(row));
				}
			}
		}
		if (hidden > 0) {
			buttonLines.append("-# ").append(hidden).append(hidden == 1 ? " more button does" : " more buttons do")
				.append(" not fit in Discord's 25: type `/incident run <n>` (or see `/incident step`)\n");
		}
		String content = fit(text.toString().strip(), buttonLines.toString().strip(), reply.incidentId());
		return new DiscordMessage(content, rows, mentions);
	}

	private static Button button(Block.Button b) {
		String id = DiscordCustomIds.encode(b.action());
		String label = clip(oneLine(b.label()), LABEL_CHARS);
		return switch (b.style()) {
			case PRIMARY -> Button.primary(id, label);
			case DANGER -> Button.danger(id, label);
			case DEFAULT -> Button.secondary(id, label);
		};
	}

	/** Text first, buttons' lines always; text that does not fit is cut at a line end with a pointer to the rest. */
	private String fit(String text, String buttonLines, String incidentId) {
		String joined = buttonLines.isEmpty() ? text : text + "\n" + buttonLines;
		if (joined.length() <= CONTENT_CHARS) {
			return joined.isEmpty() ? "\u200b" : joined;
		}
		String notice = "\n-# … " + truncated(incidentId);
		int room = CONTENT_CHARS - notice.length() - (buttonLines.isEmpty() ? 0 : buttonLines.length() + 1);
		if (room < 200) {
			// the buttons' lines alone are too long: keep what fits of everything
			return clip(joined, CONTENT_CHARS);
		}
		int cut = text.lastIndexOf('\n', room);
		String kept = text.substring(0, cut < room / 2 ? room : cut);
		if (count(kept, "```") % 2 == 1) {
			kept = kept.substring(0, Math.min(kept.length(), room - 4)) + "\n```";
		}
		return kept + notice + (buttonLines.isEmpty() ? "" : "\n" + buttonLines);
	}

	private String truncated(String incidentId) {
		if (incidentId == null) {
			return "cut to fit in Discord; ask a narrower question to see the rest.";
		}
		String id = incidentId.toUpperCase(Locale.ROOT);
		return publicUrl == null ? "cut to fit in Discord: the rest is on the Switchboard server at `/api/incidents/" + id + "`"
				: "cut to fit in Discord: the rest at <" + publicUrl + "/api/incidents/" + id + ">";
	}

	private static String spans(List<Span> spans, Function<String, Optional<String>> discordIdOf, Set<String> mentions) {
		StringBuilder out = new StringBuilder();
		for (Span span : spans) {
			if (span instanceof Span.Mention m) {
				Optional<String> id = discordIdOf.apply(m.personId());
				if (id.isPresent()) {
					mentions.add(id.get());
					out.append("<@").append(id.get()).append('>');
				}
				else {
					out.append('@').append(neutral(m.name()));
				}
			}
			else {
				out.append(neutral(span.plainText()));
			}
		}
		return out.toString().strip();
	}

	/**
	 * Text from people and runbooks, with mention syntax broken by a zero-width space: allowed
	 * mentions already stop the ping, this also stops {@code @everyone} or {@code <@id>} from looking
	 * like one. Markdown is kept: runbooks are written in it.
	 */
	static String neutral(String text) {
		return text.replace("@everyone", "@\u200beveryone").replace("@here", "@\u200bhere").replace("<@", "<\u200b@")
			.replace("<#", "<\u200b#");
	}

	private static String oneLine(String text) {
		return text.replace('\n', ' ').strip();
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
			n++;
		}
		return n;
	}
}
