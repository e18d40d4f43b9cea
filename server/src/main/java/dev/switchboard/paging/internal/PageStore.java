package dev.switchboard.paging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Pages, the outbox of pager calls and the escalation timers. Every claim is a conditional update
 * (one row changed = this caller won), so each holds across replicas sharing one PostgreSQL.
 */
@Repository
public class PageStore {

	private static final String PAGE = "id, incident_id, chain, level, principal, people, dedup_key, state, paged_at, "
			+ "delivered_at, acked_at, acked_by, acked_via";

	private static final String OUTBOX = "id, page_id, channel, address, event_action, state, attempts, next_at, "
			+ "created_at, last_status, last_error";

	private static final String TIMER = "id, incident_id, chain, level, due_at, state";

	private final JdbcClient jdbc;

	public PageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a page unless this incident already paged this principal at this level of this chain. */
	public Optional<Page> insertPage(long incidentId, String chain, int level, String principal, List<String> people,
			String dedupKey, Instant now) {
		int inserted = jdbc.sql("""
				INSERT INTO page (incident_id, chain, level, principal, people, dedup_key, state, paged_at)
				SELECT :i, :c, :l, :p, :people, :k, 'pending', :now
				WHERE NOT EXISTS (SELECT 1 FROM page WHERE incident_id = :i AND chain = :c AND level = :l AND principal = :p)""")
			.param("i", incidentId)
			.param("c", chain)
			.param("l", level)
			.param("p", principal)
			.param("people", String.join(",", people))
			.param("k", dedupKey)
			.param("now", odt(now))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + PAGE + " FROM page WHERE incident_id = :i AND chain = :c AND level = :l AND principal = :p")
			.param("i", incidentId)
			.param("c", chain)
			.param("l", level)
			.param("p", principal)
			.query(PageStore::page)
			.optional();
	}

	public List<Page> pagesOf(long incidentId) {
		return jdbc.sql("SELECT " + PAGE + " FROM page WHERE incident_id = :i ORDER BY id")
			.param("i", incidentId)
			.query(PageStore::page)
			.list();
	}

	public Optional<Page> page(long id) {
		return jdbc.sql("SELECT " + PAGE + " FROM page WHERE id = :id").param("id", id).query(PageStore::page).optional();
	}

	public List<Page> byDedupKey(String dedupKey) {
		return jdbc.sql("SELECT " + PAGE + " FROM page WHERE dedup_key = :k ORDER BY id")
			.param("k", dedupKey)
			.query(PageStore::page)
			.list();
	}

	public void pageState(long id, String state, Instant deliveredAt) {
		jdbc.sql("UPDATE page SET state = :s, delivered_at = COALESCE(delivered_at, :d) WHERE id = :id")
			.param("s", state)
			.param("d", odt(deliveredAt))
			.param("id", id)
			.update();
	}

	/** True when this call acknowledged the page (it was not acknowledged before). */
	public boolean acknowledge(long id, String by, String via, Instant now) {
		return jdbc.sql("UPDATE page SET acked_at = :now, acked_by = :by, acked_via = :via, "
				+ "state = CASE WHEN state = 'resolved' THEN state ELSE 'acknowledged' END "
				+ "WHERE id = :id AND acked_at IS NULL")
			.param("now", odt(now))
			.param("by", by)
			.param("via", via)
			.param("id", id)
			.update() == 1;
	}

	public boolean resolve(long id, Instant now) {
		return jdbc.sql("UPDATE page SET state = 'resolved', resolved_at = :now WHERE id = :id AND state <> 'resolved'")
			.param("now", odt(now))
			.param("id", id)
			.update() == 1;
	}

	public long enqueue(long pageId, String channel, String address, String action, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO page_outbox (page_id, channel, address, event_action, state, attempts, next_at, created_at)
				VALUES (:p, :c, :a, :e, 'pending', 0, :now, :now)""")
			.param("p", pageId)
			.param("c", channel)
			.param("a", address)
			.param("e", action)
			.param("now", odt(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public List<OutboxEntry> due(Instant now, int limit) {
		return jdbc.sql("SELECT " + OUTBOX + " FROM page_outbox WHERE state = 'pending' AND next_at <= :now "
				+ "AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY id LIMIT :limit")
			.param("now", odt(now))
			.param("limit", limit)
			.query(PageStore::outbox)
			.list();
	}

	/** True for the one caller (of any replica) that claims the entry until {@code until}. */
	public boolean claim(long id, Instant now, Instant until) {
		return jdbc.sql("UPDATE page_outbox SET claimed_until = :until WHERE id = :id AND state = 'pending' "
				+ "AND (claimed_until IS NULL OR claimed_until <= :now)")
			.param("until", odt(until))
			.param("now", odt(now))
			.param("id", id)
			.update() == 1;
	}

	public void finish(long id, String state, int attempts, Integer status, String error, Instant now) {
		jdbc.sql("UPDATE page_outbox SET state = :s, attempts = :a, last_status = :st, last_error = :e, done_at = :now, "
				+ "claimed_until = NULL WHERE id = :id")
			.param("s", state)
			.param("a", attempts)
			.param("st", status)
			.param("e", truncate(error))
			.param("now", odt(now))
			.param("id", id)
			.update();
	}

	public void retryAt(long id, int attempts, Integer status, String error, Instant next) {
		jdbc.sql("UPDATE page_outbox SET attempts = :a, last_status = :st, last_error = :e, next_at = :next, "
				+ "claimed_until = NULL WHERE id = :id")
			.param("a", attempts)
			.param("st", status)
			.param("e", truncate(error))
			.param("next", odt(next))
			.param("id", id)
			.update();
	}

	public List<OutboxEntry> outboxOf(long pageId) {
		return jdbc.sql("SELECT " + OUTBOX + " FROM page_outbox WHERE page_id = :p ORDER BY id")
			.param("p", pageId)
			.query(PageStore::outbox)
			.list();
	}

	public void startTimer(long incidentId, String chain, int level, Instant due) {
		jdbc.sql("""
				INSERT INTO page_timer (incident_id, chain, level, due_at, state)
				SELECT :i, :c, :l, :due, 'waiting'
				WHERE NOT EXISTS (SELECT 1 FROM page_timer WHERE incident_id = :i AND chain = :c AND level = :l)""")
			.param("i", incidentId)
			.param("c", chain)
			.param("l", level)
			.param("due", odt(due))
			.update();
	}

	public List<PageTimer> dueTimers(Instant now) {
		return jdbc.sql("SELECT " + TIMER + " FROM page_timer WHERE state = 'waiting' AND due_at <= :now ORDER BY due_at, id")
			.param("now", odt(now))
			.query(PageStore::timer)
			.list();
	}

	public List<PageTimer> timersOf(long incidentId) {
		return jdbc.sql("SELECT " + TIMER + " FROM page_timer WHERE incident_id = :i ORDER BY id")
			.param("i", incidentId)
			.query(PageStore::timer)
			.list();
	}

	/** True for the one caller (of any replica) that moves the timer out of {@code waiting}. */
	public boolean claimTimer(long id, String state, Instant now) {
		return jdbc.sql("UPDATE page_timer SET state = :s, fired_at = :now WHERE id = :id AND state = 'waiting'")
			.param("s", state)
			.param("now", odt(now))
			.param("id", id)
			.update() == 1;
	}

	public int stopTimers(long incidentId, Instant now) {
		return jdbc.sql("UPDATE page_timer SET state = 'stopped', fired_at = :now WHERE incident_id = :i AND state = 'waiting'")
			.param("now", odt(now))
			.param("i", incidentId)
			.update();
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	static OffsetDateTime odt(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Page page(ResultSet rs, int row) throws SQLException {
		String people = rs.getString("people");
		return new Page(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("chain"), rs.getInt("level"),
				rs.getString("principal"), people == null || people.isEmpty() ? List.of() : Arrays.asList(people.split(",")),
				rs.getString("dedup_key"), rs.getString("state"), instant(rs, "paged_at"), instant(rs, "delivered_at"),
				instant(rs, "acked_at"), rs.getString("acked_by"), rs.getString("acked_via"));
	}

	private static OutboxEntry outbox(ResultSet rs, int row) throws SQLException {
		int status = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : status;
		return new OutboxEntry(rs.getLong("id"), rs.getLong("page_id"), rs.getString("channel"), rs.getString("address"),
				rs.getString("event_action"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "next_at"),
				instant(rs, "created_at"), lastStatus, rs.getString("last_error"));
	}

	private static PageTimer timer(ResultSet rs, int row) throws SQLException {
		return new PageTimer(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("chain"), rs.getInt("level"),
				instant(rs, "due_at"), rs.getString("state"));
	}
}
