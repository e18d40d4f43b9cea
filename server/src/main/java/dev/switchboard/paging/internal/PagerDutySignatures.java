package dev.switchboard.paging.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PagerDuty webhooks v3 signatures: {@code X-PagerDuty-Signature} holds one or more comma-separated
 * {@code v1=<hex>} values (several while a secret is rotated), each hex(HMAC-SHA256(secret, raw body)).
 * Accepted when any value matches any configured secret, compared in constant time.
 */
public final class PagerDutySignatures {

	private final List<String> secrets;

	public PagerDutySignatures(List<String> secrets) {
		this.secrets = List.copyOf(secrets);
	}

	public boolean valid(byte[] rawBody, String header) {
		if (header == null || header.isBlank() || secrets.isEmpty()) {
			return false;
		}
		boolean match = false;
		for (String secret : secrets) {
			byte[] expected = hmac(secret, rawBody);
			for (String part : header.split(",")) {
				String value = part.trim();
				if (!value.startsWith("v1=")) {
					continue;
				}
				byte[] presented;
				try {
					presented = HexFormat.of().parseHex(value.substring(3).toLowerCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					continue;
				}
				// no early exit: every candidate is compared, in constant time each
				match |= MessageDigest.isEqual(expected, presented);
			}
		}
		return match;
	}

	public static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}
}
