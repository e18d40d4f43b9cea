package dev.switchboard.shell;

/**
 * Text made safe for a terminal: anyone in ownership.yaml can type a note from Slack, and the
 * terminal prints it. Control characters (C0 but newline and tab, DEL, C1: escape sequences that
 * clear the screen, recolour or retitle it) and the bidirectional controls that reorder what is
 * shown (Trojan Source) are replaced by a visible {@code <U+XXXX>}, so nothing reaches the terminal
 * as an instruction and the reader still sees that something was there.
 */
final class TerminalText {

	private TerminalText() {
	}

	static String neutralise(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (dangerous(c)) {
				if (out == null) {
					out = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				out.append(String.format("<U+%04X>", (int) c));
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return out == null ? text : out.toString();
	}

	private static boolean dangerous(char c) {
		if (c == '\n' || c == '\t') {
			return false;
		}
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}
}
