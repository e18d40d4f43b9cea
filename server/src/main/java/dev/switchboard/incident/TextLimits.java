package dev.switchboard.incident;

import java.util.Map;

/** Refuses free text over its configured limit ({@code switchboard.limits.*}) before anything is stored. */
final class TextLimits {

	private TextLimits() {
	}

	static void require(String field, String text, int limit) {
		if (text == null) {
			return;
		}
		int length = text.strip().codePointCount(0, text.strip().length());
		if (length > limit) {
			throw new IncidentException(IncidentException.Code.TEXT_TOO_LONG,
					"the " + field + " is " + length + " characters long; the limit is " + limit
							+ " (switchboard.limits." + field + "). Nothing was stored: shorten it, or link to a document",
					Map.of("field", field, "limit", limit, "length", length));
		}
	}
}
