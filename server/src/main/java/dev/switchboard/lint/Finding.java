package dev.switchboard.lint;

import java.util.Comparator;

/**
 * One problem in an author's file, pointed at its true line (1-based).
 *
 * @param file the path as the author would type it, e.g. {@code runbooks/ai-outage.md}
 * @param line 1-based line, or 1 when the problem concerns the whole file
 * @param rule a stable rule code such as {@code unknown-step}, for CI annotations and suppression lists
 */
public record Finding(String file, int line, Severity severity, String rule, String message) implements Comparable<Finding> {

	private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
		.thenComparingInt(Finding::line)
		.thenComparing(Finding::severity)
		.thenComparing(Finding::rule)
		.thenComparing(Finding::message);

	public Finding {
		line = Math.max(1, line);
	}

	public static Finding error(String file, int line, String rule, String message) {
		return new Finding(file, line, Severity.ERROR, rule, message);
	}

	public static Finding warning(String file, int line, String rule, String message) {
		return new Finding(file, line, Severity.WARNING, rule, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** {@code path:line: message}, warnings prefixed so that CI logs tell them apart. */
	@Override
	public String toString() {
		return file + ":" + line + ": " + (isError() ? "" : "warning: ") + message + " [" + rule + "]";
	}

	@Override
	public int compareTo(Finding other) {
		return ORDER.compare(this, other);
	}
}
