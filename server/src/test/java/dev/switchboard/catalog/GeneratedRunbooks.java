package dev.switchboard.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random runbook text for the generated-input tests: markdown built from the fragments authors
 * (and their editors) produce, valid and broken, and random edits of real runbooks. Everything is
 * drawn from the {@link Random} passed in, so a seed reproduces a case.
 */
final class GeneratedRunbooks {

	private static final String[] WORDS = { "Triage", "Is it throttling?", "Café", "déjà-vu", "—", "🔥", "step",
			"Fail open", "1.", "(three)", "a/b", "snake_case", "İstanbul", "straße", "ﬁx", "e\u0301", "\t", "\0",
			"\u2028", "\u00a0", "\uFEFF", "`code`", "**bold**", "_em_", "@comms", "@nobody", "@", "a@b.c", "{{", "}}",
			"{#", "{#x}", "{{vendor.openai.status_page}}", "{{vendor.acme.name}}", "{{service.invoice-extraction.tier}}",
			"{{vendor.openai}}", "[link](#triage)", "<b>", "&amp;", "\\", "*", "[", "]", "#", "x" };

	private static final String[] TARGETS = { "#triage", "#hard-outage", "#monitor", "#", "", "other.md",
			"./other.md#x", "../up.md", "http://example.com/a.md", "#%zz", "#%", "#caf%C3%A9", "a.md#", "#a#b", "<#a b>",
			"file.md?x=1", "#🔥", "ai-outage.md#triage", "format-drift.md#confirm-drift", "g0.md", "g1.md#start",
			"./g2.md#x", "C:\\runbooks\\x.md", "#" + "a".repeat(300) };

	private static final String[] ACTIONS = { "gateway flip invoice-extraction secondary",
			"gateway flip invoice-extraction openai/gpt-4.1", "gateway flip invoice-extraction", "gateway flip nope primary",
			"gateway flip support-replies tertiary", "gateway restore ticket-routing", "gateway disable support-replies",
			"gateway enable", "gateway", "gateway  flip  invoice-extraction  primary  ", "queue invoice-extraction",
			"queue nope", "page provider-outage-primary", "page", "page a b", "notify comms", "notify nobody",
			"vendor openai", "vendor acme", "reboot everything", "# a comment", "", "\t", "\0", "ＰＡＧＥ comms" };

	private static final String[] MARKERS = { "**Strategy:** switch-route", "**Strategy:** fail-open",
			"Strategy: fail-closed", "__Strategy__: degrade", "**Strategy:** fail-sideways", "**Strategy:**",
			"Strategy:", "**Resolution:** resolved", "Resolution: mitigated", "**Resolution:** handed-off — to x",
			"**Resolution:** fixed", "resolution:", "**Omitted:** degrade — nothing to shed", "**Omitted:** degrade",
			"Omitted: fail-open -", "**Omitted:** —", "**Omitted:**", "Omitted: nonsense — x", "**Strategy: degrade**" };

	private static final String[] FRONT_MATTERS = { "---\nid: [\n---\n", "---\n\tid: x\n---\n", "---\nid: x\nid: y\n---\n",
			"---\n---\n", "---\nid: x\n", "---\n- a\n- b\n---\n", "---\njust text\n---\n", "---\nid: &a [*a]\n---\n",
			"---\nservices: !!binary aGVsbG8=\n---\n", "---\nlast_reviewed: 2026-02-30\n---\n",
			"---\nlast_reviewed: 2026-11-02T10:00:00Z\n---\n", "---\naliases: {a: 1}\n---\n", "---\nservices: 5\n---\n",
			"---\n? [a]\n: b\n---\n", "---\nid: x\n...\n---\n", "---\nsummary: \"open\n---\n", "---\nowner: [a, b\n---\n",
			"---\na: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n", "---\nid: \u2028x\u0085y\n---\n",
			"---\ntitle: \"" + "\u2028\u0085".repeat(30) + "\"\nextra: x: y\n---\n",
			"---\n" + "[".repeat(80) + "\n---\n", "---\nid: x\r\ntitle: y\r\n---\r\n", "---\n" + "a:\n ".repeat(40) + "b\n---\n" };

	private static final String[] FIELDS = { "id: g", "title: Generated", "summary: One line.", "severity: sev2",
			"severity: critical", "owner: ai-platform", "owner: nobody", "services: [invoice-extraction, support-replies]",
			"services: []", "services: [nope]", "aliases: [llm-down, 429]", "aliases: [g, G]", "covers: [ai-outage]",
			"covers: [everything]", "last_reviewed: 2026-11-02", "last_reviewed: 2020-01-01", "last_reviewed: soon",
			"unknown: key", "id: Not An Id", "services:\n  - invoice-extraction\n  - ticket-routing" };

	private GeneratedRunbooks() {
	}

	/** One to three runbooks (g0.md, g1.md, …) of generated markdown. */
	static Map<String, String> markdown(Random random) {
		Map<String, String> files = new LinkedHashMap<>();
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			files.put("g" + i + ".md", lineEndings(random, runbook(random, "g" + i)));
		}
		return files;
	}

	/**
	 * Some of the given runbooks (at least one), most of them edited a few times: lines deleted,
	 * repeated, swapped, text truncated or garbled.
	 */
	static Map<String, String> mutated(Random random, Map<String, String> originals) {
		Map<String, String> files = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(originals.keySet());
		String always = names.get(random.nextInt(names.size()));
		for (String name : names) {
			if (name.equals(always) || random.nextInt(3) == 0) {
				String text = originals.get(name);
				files.put(name, random.nextInt(4) == 0 ? text : mutate(random, text));
			}
		}
		return files;
	}

	private static String runbook(Random random, String id) {
		StringBuilder out = new StringBuilder();
		int shape = random.nextInt(10);
		if (shape < 6) {
			out.append(frontMatter(random, id));
		}
		else if (shape < 9) {
			out.append(pick(random, FRONT_MATTERS));
		}
		int blocks = random.nextInt(30);
		for (int i = 0; i < blocks; i++) {
			out.append(block(random)).append('\n');
		}
		String text = out.toString();
		return random.nextInt(8) == 0 && !text.isEmpty() ? text.substring(0, random.nextInt(text.length())) : text;
	}

	private static String frontMatter(Random random, String id) {
		List<String> lines = new ArrayList<>(List.of("id: " + id, "title: Generated " + id, "summary: One line.",
				"severity: sev" + (1 + random.nextInt(4)), "owner: ai-platform", "services: [invoice-extraction]",
				"last_reviewed: 2026-11-0" + (1 + random.nextInt(9))));
		if (random.nextBoolean()) {
			lines.add("covers: [ai-outage]");
		}
		for (int i = random.nextInt(3); i > 0; i--) {
			String field = pick(random, FIELDS);
			if (random.nextBoolean()) {
				lines.set(random.nextInt(lines.size()), field);
			}
			else {
				lines.add(random.nextInt(lines.size() + 1), field);
			}
		}
		if (random.nextInt(6) == 0) {
			lines.remove(random.nextInt(lines.size()));
		}
		return "---\n" + String.join("\n", lines) + "\n" + (random.nextInt(15) == 0 ? "" : "---\n") + "\n";
	}

	private static String block(Random random) {
		List<Function<Random, String>> kinds = List.of(GeneratedRunbooks::heading, GeneratedRunbooks::choices,
				GeneratedRunbooks::actions, r -> pick(r, MARKERS), GeneratedRunbooks::paragraph, GeneratedRunbooks::other);
		return kinds.get(random.nextInt(kinds.size())).apply(random);
	}

	private static String heading(Random random) {
		String title = words(random, 1 + random.nextInt(5));
		return switch (random.nextInt(9)) {
			case 0 -> "# " + title;
			case 1 -> "### " + title;
			case 2 -> "## " + title + " {#" + words(random, 1) + "}";
			case 3 -> "## " + title + " {#";
			case 4 -> title + "\n---";
			case 5 -> "##";
			case 6 -> "## " + title + " ##";
			default -> "## " + title;
		};
	}

	private static String choices(Random random) {
		StringBuilder out = new StringBuilder();
		for (int i = random.nextInt(6); i >= 0; i--) {
			String bullet = pick(random, new String[] { "- ", "* ", "1. ", "- [ ] ", "  - ", "-\t" });
			switch (random.nextInt(6)) {
				case 0 -> out.append(bullet).append(words(random, 3));
				case 1 -> out.append(bullet).append("[](").append(pick(random, TARGETS)).append(")");
				case 2 -> out.append(bullet).append("![img](").append(pick(random, TARGETS)).append(")");
				default -> out.append(bullet)
					.append('[')
					.append(words(random, 1 + random.nextInt(3)))
					.append("](")
					.append(pick(random, TARGETS))
					.append(')')
					.append(random.nextBoolean() ? " — " + words(random, 3) : "");
			}
			out.append(random.nextInt(5) == 0 ? "\n\n" : "\n");
		}
		return out.toString();
	}

	private static String actions(Random random) {
		StringBuilder out = new StringBuilder(pick(random, new String[] { "```action", "~~~action", "```action extra",
				"````action", "```", "  ```action", "```sh" }))
			.append('\n');
		for (int i = random.nextInt(6); i >= 0; i--) {
			out.append(pick(random, ACTIONS)).append('\n');
		}
		return random.nextInt(5) == 0 ? out.toString() : out.append("```\n").toString();
	}

	private static String paragraph(Random random) {
		return words(random, 1 + random.nextInt(12)) + (random.nextBoolean() ? "\n" + words(random, 4) : "");
	}

	private static String other(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> "<!-- " + words(random, 3) + " -->";
			case 1 -> "<!-- unterminated " + words(random, 2);
			case 2 -> "| who | what |\n|---|---|\n| @comms | {{vendor.openai.name}} |\n| " + words(random, 2) + " |";
			case 3 -> "> " + pick(random, MARKERS);
			case 4 -> "    @indented {{vendor.acme.name}}";
			case 5 -> pick(random, new String[] { "---", "***", "", "\n\n\n" });
			case 6 -> "[".repeat(random.nextInt(200)) + "*".repeat(random.nextInt(200));
			default -> "<div>\n@" + words(random, 1) + "\n</div>";
		};
	}

	private static String words(Random random, int count) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			out.append(i == 0 ? "" : " ").append(pick(random, WORDS));
		}
		return out.toString();
	}

	/** Unix, Windows, old Mac or mixed line endings. */
	private static String lineEndings(Random random, String text) {
		return switch (random.nextInt(6)) {
			case 0 -> text.replace("\n", "\r\n");
			case 1 -> text.replace("\n", "\r");
			case 2 -> mixed(random, text);
			default -> text;
		};
	}

	private static String mixed(Random random, String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			out.append(c == '\n' && random.nextInt(3) == 0 ? "\r\n" : String.valueOf(c));
		}
		return out.toString();
	}

	private static String mutate(Random random, String text) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		for (int edits = 1 + random.nextInt(6); edits > 0 && !lines.isEmpty(); edits--) {
			int at = random.nextInt(lines.size());
			switch (random.nextInt(8)) {
				case 0 -> lines.remove(at);
				case 1 -> lines.add(at, lines.get(at));
				case 2 -> {
					int other = random.nextInt(lines.size());
					String line = lines.get(at);
					lines.set(at, lines.get(other));
					lines.set(other, line);
				}
				case 3 -> lines.subList(at, lines.size()).clear();
				case 4 -> lines.add(at, block(random));
				case 5 -> {
					String line = lines.get(at);
					int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
					lines.set(at, line.substring(0, cut) + pick(random, WORDS) + line.substring(cut));
				}
				case 6 -> lines.set(at, lines.get(at).replace("](", "]( ").replace("#", ""));
				default -> {
					String joined = String.join("\n", lines);
					return lineEndings(random, joined.substring(0, random.nextInt(joined.length() + 1)));
				}
			}
		}
		return lineEndings(random, String.join("\n", lines));
	}

	private static String pick(Random random, String[] options) {
		return options[random.nextInt(options.length)];
	}

}
