package dev.switchboard.ownership;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as authors write them in YAML: {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 2w}. */
final class HumanDuration {

	private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");

	private HumanDuration() {
	}

	static Duration parse(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches()) {
			throw new IllegalArgumentException(text);
		}
		long n = Long.parseLong(m.group(1));
		return switch (m.group(2)) {
			case "s" -> Duration.ofSeconds(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			case "d" -> Duration.ofDays(n);
			default -> Duration.ofDays(7 * n);
		};
	}

	/** Whole days only, for rotation lengths. */
	static int days(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches() || !(m.group(2).equals("d") || m.group(2).equals("w"))) {
			throw new IllegalArgumentException(text);
		}
		int n = Integer.parseInt(m.group(1));
		return m.group(2).equals("w") ? 7 * n : n;
	}
}
