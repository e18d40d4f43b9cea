package dev.switchboard.incident.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.RunbookParser;
import dev.switchboard.runbook.RunbookVersion;

/**
 * The runbook texts incidents follow, stored by content hash. An incident walks the version it
 * was declared with: its text comes from here, never from the file on disk, so editing or
 * breaking the file mid-incident (or restarting) changes nothing for it.
 */
@Repository
public class RunbookVersions {

	private final JdbcClient jdbc;

	private final RunbookParser parser = new RunbookParser();

	private final Map<String, Runbook> parsed = new ConcurrentHashMap<>();

	/** Versions known to be committed; rows are never deleted, so every declaration need not ask again. */
	private final Set<String> stored = ConcurrentHashMap.newKeySet();

	public RunbookVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the text once (idempotent; concurrent declarations of the same version are fine). */
	public void store(Runbook runbook, String source, Instant now) {
		String sha = runbook.version().sha256();
		if (stored.contains(sha)) {
			return;
		}
		// inside a transaction the row (ours or seen) may still roll back with it: remember it only outside
		boolean remember = !TransactionSynchronizationManager.isActualTransactionActive();
		if (exists(sha)) {
			if (remember) {
				stored.add(sha);
			}
			return;
		}
		try {
			jdbc.sql("""
					INSERT INTO runbook_version (sha256, runbook_id, file_name, git_commit, source, stored_at)
					VALUES (:sha, :id, :file, :commit, :source, :at)""")
				.param("sha", runbook.version().sha256())
				.param("id", runbook.id())
				.param("file", runbook.file())
				.param("commit", runbook.version().commit())
				.param("source", source)
				.param("at", IncidentStore.odt(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// stored concurrently by another request or replica: same content by definition
		}
		if (remember) {
			stored.add(sha);
		}
	}

	/** Whether version {@code sha} is stored (committed, or written by the current transaction). */
	public boolean stored(String sha) {
		return stored.contains(sha) || exists(sha);
	}

	private boolean exists(String sha) {
		return jdbc.sql("SELECT COUNT(*) FROM runbook_version WHERE sha256 = :sha").param("sha", sha).query(Long.class).single() > 0;
	}

	public Optional<Runbook> load(String sha) {
		Runbook cached = parsed.get(sha);
		if (cached != null) {
			return Optional.of(cached);
		}
		return jdbc.sql("SELECT file_name, git_commit, source FROM runbook_version WHERE sha256 = :sha")
			.param("sha", sha)
			.query((rs, n) -> {
				Runbook runbook = parser.parse(rs.getString("file_name"), rs.getString("file_name"), rs.getString("source"))
					.runbook();
				return runbook.withVersion(new RunbookVersion(sha, rs.getString("git_commit"), false));
			})
			.optional()
			.map(r -> {
				parsed.put(sha, r);
				return r;
			});
	}
}
