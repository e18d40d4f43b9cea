package dev.switchboard.runbook;

import java.util.List;

/** The actions the bot can run, parsed from their one-line form. */
public sealed interface ActionCommand {

	/**
	 * A flip or disable whose verification fails stays as it is with this word at the end; without it Switchboard rolls such a
	 * change back to the snapshot taken just before it.
	 */
	String KEEP_ON_FAILURE = "keep-on-failure";

	String USAGE = "gateway flip <route> <target> [keep-on-failure], gateway restore <route>, gateway disable <route>, "
			+ "gateway enable <route>, queue <service>, page <who>, notify <who>, vendor <vendor>";

	/** Move a route to {@code target}: {@code primary}, {@code secondary} or a model of the service. */
	record GatewayFlip(String route, String target) implements ActionCommand {
	}

	/** Restore the route's last-known-good snapshot. */
	record GatewayRestore(String route) implements ActionCommand {
	}

	/** Stop AI traffic on the route (fail closed). */
	record GatewayDisable(String route) implements ActionCommand {
	}

	record GatewayEnable(String route) implements ActionCommand {
	}

	/** Send the service's work to its human queue (fail open). */
	record HumanQueue(String service) implements ActionCommand {
	}

	record Page(String who) implements ActionCommand {
	}

	record Notify(String who) implements ActionCommand {
	}

	record VendorInfo(String vendor) implements ActionCommand {
	}

	/** A line the bot cannot run, and why. */
	record Invalid(String reason) implements ActionCommand {
	}

	static ActionCommand parse(String line) {
		List<String> words = words(line);
		String verb = words.get(0);
		int args = words.size() - 1;
		return switch (verb) {
			case "gateway" -> gateway(words);
			case "queue" -> args == 1 ? new HumanQueue(words.get(1)) : usage("queue <service>");
			case "page" -> args == 1 ? new Page(words.get(1)) : usage("page <role|team|person>");
			case "notify" -> args == 1 ? new Notify(words.get(1)) : usage("notify <role|team|person>");
			case "vendor" -> args == 1 ? new VendorInfo(words.get(1)) : usage("vendor <vendor>");
			default -> new Invalid("the bot cannot run '" + line.trim() + "'; it knows: " + USAGE);
		};
	}

	/**
	 * {@code List.of(line.trim().split("\\s+"))} without compiling that pattern on every call: runs of
	 * the regex's whitespace (space, tab, LF, VT, FF, CR) separate words; an empty line is one empty word.
	 */
	private static List<String> words(String line) {
		String text = line.trim();
		List<String> words = new java.util.ArrayList<>(4);
		int i = 0;
		while (i < text.length()) {
			int start = i;
			while (i < text.length() && !isSpace(text.charAt(i))) {
				i++;
			}
			words.add(text.substring(start, i));
			while (i < text.length() && isSpace(text.charAt(i))) {
				i++;
			}
		}
		if (words.isEmpty()) {
			words.add("");
		}
		return List.copyOf(words);
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static ActionCommand gateway(List<String> words) {
		String sub = words.size() > 1 ? words.get(1) : "";
		int args = words.size() - 2;
		return switch (sub) {
			case "flip" -> args == 2 || args == 3 && words.get(4).equals(KEEP_ON_FAILURE)
					? new GatewayFlip(words.get(2), words.get(3)) : usage("gateway flip <route> <target> [" + KEEP_ON_FAILURE + "]");
			case "restore" -> args == 1 ? new GatewayRestore(words.get(2)) : usage("gateway restore <route>");
			case "disable" -> args == 1 || args == 2 && words.get(3).equals(KEEP_ON_FAILURE) ? new GatewayDisable(words.get(2))
					: usage("gateway disable <route> [" + KEEP_ON_FAILURE + "]");
			case "enable" -> args == 1 ? new GatewayEnable(words.get(2)) : usage("gateway enable <route>");
			default -> new Invalid("unknown gateway action '" + sub + "'; use flip, restore, disable or enable");
		};
	}

	private static Invalid usage(String usage) {
		return new Invalid("wrong arguments; usage: " + usage);
	}
}
