package dev.switchboard.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.lint.FindingSink;

/** Reads {@code Strategy:}, {@code Resolution:} and {@code Omitted:} lines out of a paragraph. */
final class StepMarkers {

	private static final Pattern MARKER = Pattern
		.compile("^[*_]*(strategy|resolution|omitted)[*_]*\\s*:\\s*[*_]*\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern WORD = Pattern.compile("[a-z]+(?:-[a-z]+)*");

	private final FindingSink sink;

	private Strategy strategy;

	private String resolution;

	private final List<Omission> omitted = new ArrayList<>();

	StepMarkers(FindingSink sink) {
		this.sink = sink;
	}

	String extract(String paragraph, int firstLine) {
		String[] rows = paragraph.split("\n", -1);
		StringBuilder rest = new StringBuilder();
		for (int i = 0; i < rows.length; i++) {
			Matcher m = mayBeMarker(rows[i]) ? MARKER.matcher(rows[i].strip()) : null;
			if (m != null && m.matches()) {
				marker(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2), firstLine + i);
			}
			else {
				rest.append(rows[i]).append('\n');
			}
		}
		return rest.toString();
	}

	/**
	 * Whether MARKER can match the row: it has a colon, and after the leading white space and
	 * emphasis characters comes an s, r or o (most prose lines fail here without the regex).
	 */
	private static boolean mayBeMarker(String row) {
		if (row.indexOf(':') < 0) {
			return false;
		}
		int i = 0;
		while (i < row.length() && (Character.isWhitespace(row.charAt(i)) || row.charAt(i) == '*' || row.charAt(i) == '_')) {
			i++;
		}
		if (i == row.length()) {
			return false;
		}
		char c = row.charAt(i);
		// CASE_INSENSITIVE folds ASCII only; non-ASCII still goes to the regex, to be safe
		return c == 's' || c == 'S' || c == 'r' || c == 'R' || c == 'o' || c == 'O' || c > 127;
	}

	private void marker(String kind, String value, int line) {
		switch (kind) {
			case "strategy" -> Strategy.of(firstWord(value)).ifPresentOrElse(s -> {
				if (strategy != null && strategy != s) {
					sink.error(line, "strategy", "step declares two strategies: " + strategy.id() + " and " + s.id());
				}
				strategy = s;
			}, () -> sink.error(line, "strategy",
					"unknown strategy '" + value + "': use one of " + Strategy.names()));
			case "resolution" -> {
				String v = firstWord(value);
				if (!List.of("mitigated", "resolved", "handed-off").contains(v)) {
					sink.error(line, "resolution",
							"unknown resolution '" + value + "': use mitigated, resolved or handed-off");
				}
				resolution = v;
			}
			default -> {
				String[] parts = value.split("\\s*[—–:]\\s*|\\s+-\\s+|\\s+", 2);
				Strategy.of(parts[0]).ifPresentOrElse(s -> {
					String reason = parts.length > 1 ? parts[1].trim() : "";
					if (reason.isEmpty()) {
						sink.error(line, "omitted", "Omitted: " + s.id() + " needs a reason after a dash");
					}
					omitted.add(new Omission(s, reason, line));
				}, () -> sink.error(line, "omitted",
						"unknown strategy '" + parts[0] + "' in Omitted: use one of " + Strategy.names()));
			}
		}
	}

	/** The leading word of a marker value: {@code handed-off} of "handed-off — to data engineering". */
	private static String firstWord(String value) {
		Matcher m = WORD.matcher(value.toLowerCase(java.util.Locale.ROOT));
		return m.lookingAt() ? m.group() : value;
	}

	Strategy strategy() {
		return strategy;
	}

	String resolution() {
		return resolution;
	}

	List<Omission> omitted() {
		return omitted;
	}
}
