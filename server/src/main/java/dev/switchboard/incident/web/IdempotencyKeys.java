package dev.switchboard.incident.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.incident.RequestKey;
import dev.switchboard.system.ApiCaller;

/**
 * The request key of an API write: the client's {@code Idempotency-Key} scoped by the caller and
 * the <em>canonical</em> resource (INC-2 whether the path said {@code INC-2}, {@code 2} or
 * {@code inc-2}), fingerprinted with the operation and the parsed body, so the same key sent with
 * another request is refused (422 {@code IDEMPOTENCY_KEY_REUSED}) instead of replaying the first.
 */
@Component
public class IdempotencyKeys {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiCaller caller;

	IdempotencyKeys(ApiCaller caller) {
		this.caller = caller;
	}

	/**
	 * @param resource the canonical resource, e.g. {@code INC-2}, or {@code declare}
	 * @param operation what the request does to it, e.g. {@code notes} or {@code rollback invoice-extraction}
	 * @param body the parsed body (null when there is none)
	 * @return null when the request carries no key
	 */
	public String of(HttpServletRequest request, String resource, String operation, Object body, String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		String scoped = "api:" + caller.personOf(request).orElse("?") + ":" + resource + ":" + key.strip();
		return RequestKey.fingerprinted(scoped, sha256(operation + "\n" + JSON.writeValueAsString(body)));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
