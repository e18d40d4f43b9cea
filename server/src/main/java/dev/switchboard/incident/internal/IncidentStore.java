package dev.switchboard.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentStatus;

/**
 * Incident rows. Updates check the optimistic version; callers hold the row lock from {@link #lock}.
 * {@code last_seq} moves with the timeline appended in the same transaction.
 */
@Repository
public class IncidentStore {

	private static final String COLUMNS = "id, title, runbook_id, runbook_sha256, current_runbook, current_step, severity, "
			+ "service_id, commander, status, drill, chat_platform, chat_channel, chat_messages, declared_at, "
			+ "first_decision_at, mitigated_at, resolved_at, updated_at, version, last_seq";

	private final JdbcClient jdbc;

	public IncidentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Incident i) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO incident (title, runbook_id, runbook_sha256, current_runbook, current_step, severity,
				  service_id, commander, status, drill, chat_platform, chat_channel, chat_messages, declared_at, updated_at, version, last_seq)
				VALUES (:title, :runbook, :sha, :sha2, :step, :sev, :service, :commander, :status, :drill, :platform,
				  :channel, :messages, :declared, :updated, 0, 0)""")
			.param("title", i.title())
			.param("runbook", i.runbookId())
			.param("sha", i.runbookSha256())
			.param("sha2", i.currentRunbookSha256())
			.param("step", i.currentStep())
			.param("sev", i.severity())
			.param("service", i.service())
			.param("commander", i.commander())
			.param("status", i.status().name())
			.param("drill", i.drill())
			.param("platform", i.chat().platform())
			.param("channel", i.chat().channel())
			.param("messages", Json.write(i.chat().messages()))
			.param("declared", odt(i.declaredAt()))
			.param("updated", odt(i.updatedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Reads the incident and locks its row until the transaction ends (serializes writers, also across replicas). */
	public Optional<Incident> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(IncidentStore::map)
			.optional();
	}

	public Optional<Incident> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = :id").param("id", id).query(IncidentStore::map).optional();
	}

	public List<Incident> list(boolean openOnly, int limit) {
		String where = openOnly ? " WHERE status <> 'RESOLVED'" : "";
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident" + where + " ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query(IncidentStore::map)
			.list();
	}

	public Optional<Incident> findByChannel(String platform, String channel) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE chat_platform = :p AND chat_channel = :c "
				+ "AND status <> 'RESOLVED' ORDER BY id DESC LIMIT 1")
			.param("p", platform)
			.param("c", channel)
			.query(IncidentStore::map)
			.optional();
	}

	/** Writes the changed incident if nobody changed it since {@code expectedVersion}; false otherwise. */
	public boolean update(Incident i, long expectedVersion) {
		int rows = jdbc.sql("""
				UPDATE incident SET current_runbook = :sha, current_step = :step, severity = :sev, commander = :commander,
				  status = :status, chat_platform = :platform, chat_channel = :channel, chat_messages = :messages,
				  first_decision_at = :first, mitigated_at = :mitigated, resolved_at = :resolved, updated_at = :updated,
				  last_seq = :lastSeq, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("sha", i.currentRunbookSha256())
			.param("step", i.currentStep())
			.param("sev", i.severity())
			.param("commander", i.commander())
			.param("status", i.status().name())
			.param("platform", i.chat().platform())
			.param("channel", i.chat().channel())
			.param("messages", Json.write(i.chat().messages()))
			.param("first", odt(i.firstDecisionAt()))
			.param("mitigated", odt(i.mitigatedAt()))
			.param("resolved", odt(i.resolvedAt()))
			.param("updated", odt(i.updatedAt()))
			.param("lastSeq", i.lastSeq())
			.param("id", i.id())
			.param("version", expectedVersion)
			.update();
		return rows == 1;
	}

	/** Open incidents per drill flag, for metrics. */
	public Map<Boolean, Long> countOpen() {
		Map<Boolean, Long> counts = new HashMap<>(Map.of(true, 0L, false, 0L));
		jdbc.sql("SELECT drill, COUNT(*) AS n FROM incident WHERE status <> 'RESOLVED' GROUP BY drill")
			.query((rs, n) -> counts.put(rs.getBoolean("drill"), rs.getLong("n")))
			.list();
		return counts;
	}

	public static OffsetDateTime odt(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	@SuppressWarnings("unchecked")
	private static Incident map(ResultSet rs, int row) throws SQLException {
		Map<String, Object> messages = Json.read(rs.getString("chat_messages"));
		Map<String, String> ids = new HashMap<>();
		messages.forEach((k, v) -> ids.put(k, String.valueOf(v)));
		return new Incident(rs.getLong("id"), rs.getString("title"), rs.getString("runbook_id"),
				rs.getString("runbook_sha256").trim(), rs.getString("current_runbook").trim(), rs.getString("current_step"),
				rs.getString("severity"), rs.getString("service_id"), rs.getString("commander"),
				IncidentStatus.valueOf(rs.getString("status")), rs.getBoolean("drill"),
				new ChatRef(rs.getString("chat_platform"), rs.getString("chat_channel"), ids), instant(rs, "declared_at"),
				instant(rs, "first_decision_at"), instant(rs, "mitigated_at"), instant(rs, "resolved_at"),
				instant(rs, "updated_at"), rs.getLong("version"), rs.getInt("last_seq"));
	}
}
