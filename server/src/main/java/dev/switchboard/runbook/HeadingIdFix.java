package dev.switchboard.runbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one heading line from the old {@code {#id}} form to the anchor GitHub honours: the
 * same step id, the line otherwise as written.
 *
 * @param line the 1-based line of the heading
 * @param before the line as it is (without its line break)
 * @param after the line as {@code switchboard lint --fix} writes it
 */
public record HeadingIdFix(int line, String before, String after) {

	/**
	 * {@code text} with each fix's line replaced, everything else (line breaks, a byte order mark)
	 * kept byte for byte. A fix whose line no longer reads {@link #before()} is skipped.
	 */
	public static String apply(String text, List<HeadingIdFix> fixes) {
		Map<Integer, HeadingIdFix> byLine = new HashMap<>();
		fixes.forEach(f -> byLine.put(f.line(), f));
		StringBuilder out = new StringBuilder(text.length() + 32 * fixes.size());
		int line = 1;
		int start = 0;
		while (start <= text.length()) {
			int newline = text.indexOf('\n', start);
			int end = newline < 0 ? text.length() : newline;
			int content = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
			int from = line == 1 && text.startsWith("\uFEFF") ? 1 : start;
			HeadingIdFix fix = byLine.get(line);
			if (fix != null && text.substring(from, content).equals(fix.before())) {
				out.append(text, start, from).append(fix.after()).append(text, content, end);
			}
			else {
				out.append(text, start, end);
			}
			if (newline < 0) {
				break;
			}
			out.append('\n');
			start = newline + 1;
			line++;
		}
		return out.toString();
	}
}
