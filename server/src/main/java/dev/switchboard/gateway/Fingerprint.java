package dev.switchboard.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a few fields, as lower-case hex: route fingerprints, plan hashes, idempotency keys. */
public final class Fingerprint {

	private Fingerprint() {
	}

	public static String of(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
				digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) ':');
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The fingerprint of everything about a route that a flip changes (not timestamps, not versions). */
	public static String ofRoute(String route, String selected, java.util.List<RouteState.Target> targets) {
		StringBuilder canonical = new StringBuilder();
		for (RouteState.Target t : targets) {
			canonical.append(t.id()).append('=').append(t.model()).append('@').append(t.apiBase()).append(':')
				.append(t.enabled()).append(';');
		}
		return of(route, selected, canonical.toString());
	}
}
