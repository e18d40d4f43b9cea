package dev.switchboard.incident.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.switchboard.incident.RequestKey;

/**
 * Keys of requests already applied. Inserted in the same transaction as the change they guard:
 * a duplicate key (a retried webhook, a double click, the same click on another replica) fails
 * the insert and rolls the whole change back.
 */
@Repository
public class RequestKeys {

	private final JdbcClient jdbc;

	public RequestKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws org.springframework.dao.DuplicateKeyException when the key was already used */
	public void claim(String key, Long incidentId, Instant now) {
		jdbc.sql("INSERT INTO idempotency_key (request_key, incident_id, created_at, request_hash) VALUES (:k, :i, :t, :h)")
			.param("k", normalize(RequestKey.key(key)))
			.param("h", RequestKey.fingerprint(key))
			.param("i", incidentId)
			.param("t", IncidentStore.odt(now))
			.update();
	}

	public Optional<Long> incidentOf(String key) {
		return jdbc.sql("SELECT incident_id FROM idempotency_key WHERE request_key = :k")
			.param("k", normalize(RequestKey.key(key)))
			.query(Long.class)
			.optional();
	}

	/**
	 * Whether {@code key} was claimed by a request with another fingerprint than the one it carries
	 * now (a key or a claim without a fingerprint matches anything).
	 */
	public boolean claimedByAnotherRequest(String key) {
		String fingerprint = RequestKey.fingerprint(key);
		if (fingerprint == null) {
			return false;
		}
		return jdbc.sql("SELECT request_hash FROM idempotency_key WHERE request_key = :k")
			.param("k", normalize(RequestKey.key(key)))
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(h -> h)
			.map(stored -> !stored.equals(fingerprint))
			.orElse(false);
	}

	/** Keys longer than the column are stored as their SHA-256 (still unique, still stable). */
	private static String normalize(String key) {
		if (key.length() <= 200) {
			return key;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
