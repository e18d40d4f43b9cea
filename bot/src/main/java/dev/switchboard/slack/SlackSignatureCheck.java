package dev.switchboard.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, checked on the raw bytes received: {@code v0=} + hex HMAC-SHA256
 * of {@code v0:<timestamp>:<body>} keyed with the signing secret. Stricter than Bolt's own
 * verifier, which accepts any timestamp in the future and compares with {@code String.equals}:
 * here the timestamp must be within the tolerance on both sides of now, and the comparison
 * takes constant time.
 */
final class SlackSignatureCheck {

	/** Why a request was refused; never shown to the caller, only logged. */
	enum Verdict {
		VALID, MISSING_HEADERS, BAD_TIMESTAMP, STALE_OR_FUTURE, BAD_SIGNATURE;

		boolean valid() {
			return this == VALID;
		}
	}

	private final byte[] secret;

	/** One keyed Mac per thread: Mac.getInstance (a provider lookup) and init cost more than the HMAC of a small body. */
	private final ThreadLocal<Mac> macs;

	private final Clock clock;

	private final Duration tolerance;

	SlackSignatureCheck(String signingSecret, Clock clock, Duration tolerance) {
		this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
		this.tolerance = tolerance;
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	Verdict check(String timestamp, String signature, byte[] body) {
		if (timestamp == null || signature == null) {
			return Verdict.MISSING_HEADERS;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return Verdict.BAD_TIMESTAMP;
		}
		long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
		if (skew > tolerance.toSeconds()) {
			return Verdict.STALE_OR_FUTURE;
		}
		byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID
				: Verdict.BAD_SIGNATURE;
	}

	String sign(String timestamp, byte[] body) {
		Mac mac = macs.get();
		mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
		return "v0=" + HexFormat.of().formatHex(mac.doFinal(body)); // doFinal resets it for the next request
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}
}
