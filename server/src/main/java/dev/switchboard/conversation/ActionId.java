package dev.switchboard.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a button does, as an opaque id the chat platform hands back on a click:
 * {@code choose/42/triage/2}. Encoded and decoded here only (typed, never split by hand); any
 * other string decodes to empty and is refused.
 *
 * @param step the step the button was shown on, so a click on an old message is refused
 * @param index the choice or action number (1-based)
 * @param plan for {@link Kind#APPROVE}: the start of the hash of the plan shown on the button, so an
 * approval is bound to the plan the approver saw; null otherwise
 */
public record ActionId(Kind kind, long incidentId, String step, int index, String plan) {

	public ActionId(Kind kind, long incidentId, String step, int index) {
		this(kind, incidentId, step, index, null);
	}

	/** What pressing does. */
	public enum Kind {
		CHOOSE, RUN, BACK, APPROVE,
		/** Roll back the route change that action {@code index} of {@code step} made (still in effect). */
		ROLLBACK,
		/** Renew the lease of the route change that action {@code index} of {@code step} made. */
		RENEW,
		/** Acknowledge one's pages for the incident (the button of a page sent as a direct message). */
		ACK;

		String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private static final Pattern FORM = Pattern
		.compile("(choose|run|back|approve|rollback|renew|ack)/([1-9][0-9]{0,17})/([A-Za-z0-9_-]{1,200})/([0-9]{1,4})(?:/([0-9a-f]{8,64}))?");

	public String encode() {
		return kind.wire() + "/" + incidentId + "/" + step + "/" + index + (plan == null ? "" : "/" + plan);
	}

	public static Optional<ActionId> decode(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORM.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		Kind kind = Kind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
		if ((kind == Kind.APPROVE) != (m.group(5) != null)) {
			return Optional.empty();
		}
		return Optional.of(new ActionId(kind, Long.parseLong(m.group(2)), m.group(3), Integer.parseInt(m.group(4)),
				m.group(5)));
	}
}
