package dev.switchboard.incident;

import java.util.Locale;
import java.util.OptionalLong;

/** Human incident ids: {@code INC-42}; {@code 42} and {@code inc-42} are accepted on input. */
public final class IncidentIds {

	private IncidentIds() {
	}

	public static String format(long id) {
		return "INC-" + id;
	}

	public static OptionalLong parse(String text) {
		String t = text.trim().toUpperCase(Locale.ROOT);
		if (t.startsWith("INC-")) {
			t = t.substring(4);
		}
		try {
			long id = Long.parseLong(t);
			return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}
}
