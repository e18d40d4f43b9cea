package dev.switchboard.paging;

/**
 * What a pager answered.
 *
 * @param status the HTTP status when there was one, else 0
 * @param detail what to show the commander (never a secret)
 */
public record Outcome(Kind kind, int status, String detail) {

	public enum Kind {
		/** Accepted (PagerDuty: 202). Accepted is not acknowledged: only a person acknowledges. */
		DELIVERED,
		/** Refused for a reason a retry cannot fix (PagerDuty: 400, a missing key): a configuration error. */
		REFUSED,
		/** Worth retrying later: 429, 5xx, a timeout, a connection refused. */
		RETRY
	}

	public static Outcome delivered(int status, String detail) {
		return new Outcome(Kind.DELIVERED, status, detail);
	}

	public static Outcome refused(int status, String detail) {
		return new Outcome(Kind.REFUSED, status, detail);
	}

	public static Outcome retry(int status, String detail) {
		return new Outcome(Kind.RETRY, status, detail);
	}
}
