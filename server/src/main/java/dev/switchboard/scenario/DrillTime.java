package dev.switchboard.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drill times as authors write them: {@code T+2m}, {@code 2m}, {@code 1m30s}, {@code 1h}, or seconds ({@code 120}). */
public final class DrillTime {

	private static final Pattern TEXT = Pattern.compile("(?i)(?:T\\s*\\+\\s*)?(?:(\\d{1,5})h)?\\s*(?:(\\d{1,6})m)?\\s*(?:(\\d{1,7})s)?");

	private DrillTime() {
	}

	/** The duration, or empty when the text is not a time (negative times included: {@code T-2m}, {@code -5}). */
	public static Optional<Duration> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		if (t.matches("\\d{1,7}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
		}
		Matcher m = TEXT.matcher(t);
		if (t.isEmpty() || !m.matches() || m.group(1) == null && m.group(2) == null && m.group(3) == null) {
			return Optional.empty();
		}
		Duration d = Duration.ZERO;
		d = m.group(1) == null ? d : d.plusHours(Long.parseLong(m.group(1)));
		d = m.group(2) == null ? d : d.plusMinutes(Long.parseLong(m.group(2)));
		d = m.group(3) == null ? d : d.plusSeconds(Long.parseLong(m.group(3)));
		return Optional.of(d);
	}

	public static String format(Duration d) {
		long s = d.toSeconds();
		StringBuilder out = new StringBuilder("T+");
		if (s >= 3600) {
			out.append(s / 3600).append('h');
		}
		if (s % 3600 / 60 > 0 || s == 0) {
			out.append(s % 3600 / 60).append('m');
		}
		if (s % 60 > 0) {
			out.append(s % 60).append('s');
		}
		return out.toString();
	}
}
