package dev.switchboard.incident;

/**
 * A request key as the engine receives it: the key, optionally followed by a fingerprint of what
 * the request asked for. A key claimed again with another fingerprint is refused
 * ({@code IDEMPOTENCY_KEY_REUSED}) rather than replayed; without a fingerprint a repeated key
 * replays as before.
 */
public final class RequestKey {

	private static final String SEPARATOR = "\u001f#";

	private RequestKey() {
	}

	/** {@code key} carrying {@code fingerprint} (e.g. a SHA-256 hex of the operation and body). */
	public static String fingerprinted(String key, String fingerprint) {
		return key + SEPARATOR + fingerprint;
	}

	/** The key without its fingerprint. */
	public static String key(String requestKey) {
		int at = requestKey.lastIndexOf(SEPARATOR);
		return at < 0 ? requestKey : requestKey.substring(0, at);
	}

	/** The fingerprint, or null. */
	public static String fingerprint(String requestKey) {
		int at = requestKey.lastIndexOf(SEPARATOR);
		return at < 0 ? null : requestKey.substring(at + SEPARATOR.length());
	}
}
