package dev.switchboard.gateway.sandbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import dev.switchboard.gateway.Fingerprint;

/**
 * The sandbox gateway's route table, in the application database so every replica shares it.
 * Writes lock the route row; the fingerprint a writer expects is checked under that lock.
 */
@Repository
class SandboxRouteTable {

	/** The result of a guarded write. */
	enum Write {
		DONE, REPLAYED, STALE, UNKNOWN_ROUTE, UNKNOWN_TARGET
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	SandboxRouteTable(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	List<String> routes() {
		return jdbc.sql("SELECT route FROM sandbox_route ORDER BY route").query(String.class).list();
	}

	Optional<SandboxRoute> find(String route) {
		return load(route, false);
	}

	/** Creates the route with its targets in order, the first selected; false when it already exists. */
	boolean seed(String route, List<String> models) {
		if (find(route).isPresent()) {
			return false;
		}
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				jdbc.sql("INSERT INTO sandbox_route (route, selected, version, updated_at) VALUES (:r, :s, 0, :at)")
					.param("r", route)
					.param("s", targetId(route, 1))
					.param("at", clock.instant().atOffset(ZoneOffset.UTC))
					.update();
				for (int i = 0; i < models.size(); i++) {
					String model = models.get(i);
					jdbc.sql("""
							INSERT INTO sandbox_target (route, target_id, position, model, api_base, enabled, behaviour)
							VALUES (:r, :id, :pos, :model, :base, TRUE, 'healthy')""")
						.param("r", route)
						.param("id", targetId(route, i + 1))
						.param("pos", i + 1)
						.param("model", model)
						.param("base", "sandbox://" + (model.contains("/") ? model.substring(0, model.indexOf('/')) : model))
						.update();
				}
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false; // seeded concurrently by another replica
		}
	}

	static String targetId(String route, int position) {
		return "sbx-" + route + "-" + position;
	}

	/** Selects (and enables) a target, once per idempotency key, if the route still has fingerprint {@code basedOn}. */
	Write select(String route, String target, String basedOn, String key, String planHash) {
		try {
			return tx.execute(status -> {
				jdbc.sql("INSERT INTO sandbox_applied_key (idempotency_key, route, plan_hash, applied_at) VALUES (:k, :r, :h, :at)")
					.param("k", key.length() > 200 ? "sha256:" + Fingerprint.of(key) : key)
					.param("r", route)
					.param("h", planHash == null ? "" : planHash)
					.param("at", clock.instant().atOffset(ZoneOffset.UTC))
					.update();
				Optional<SandboxRoute> locked = load(route, true);
				if (locked.isEmpty()) {
					status.setRollbackOnly();
					return Write.UNKNOWN_ROUTE;
				}
				Optional<SandboxRoute.Target> chosen = locked.get().target(target);
				if (chosen.isEmpty()) {
					status.setRollbackOnly();
					return Write.UNKNOWN_TARGET;
				}
				if (basedOn != null && !basedOn.equals(locked.get().fingerprint())) {
					status.setRollbackOnly();
					return Write.STALE;
				}
				enable(route, chosen.get().id(), true);
				selectTarget(route, chosen.get().id());
				return Write.DONE;
			});
		}
		catch (DuplicateKeyException ex) {
			return Write.REPLAYED;
		}
	}

	Write setEnabled(String route, String target, boolean enabled) {
		return tx.execute(status -> {
			Optional<SandboxRoute> locked = load(route, true);
			if (locked.isEmpty()) {
				return Write.UNKNOWN_ROUTE;
			}
			Optional<SandboxRoute.Target> chosen = locked.get().target(target);
			if (chosen.isEmpty()) {
				return Write.UNKNOWN_TARGET;
			}
			enable(route, chosen.get().id(), enabled);
			bump(route);
			return Write.DONE;
		});
	}

	/** Puts back a selection and enabled flags if the route still has fingerprint {@code expected}. */
	Write restore(String route, String selected, Map<String, Boolean> enabled, String expected) {
		return tx.execute(status -> {
			Optional<SandboxRoute> locked = load(route, true);
			if (locked.isEmpty()) {
				return Write.UNKNOWN_ROUTE;
			}
			if (!expected.equals(locked.get().fingerprint())) {
				return Write.STALE;
			}
			if (locked.get().target(selected).isEmpty()) {
				return Write.UNKNOWN_TARGET;
			}
			enabled.forEach((id, on) -> enable(route, id, on));
			selectTarget(route, selected);
			return Write.DONE;
		});
	}

	boolean behave(String route, String target, Behaviour behaviour) {
		Optional<SandboxRoute.Target> chosen = find(route).flatMap(r -> r.target(target));
		chosen.ifPresent(t -> jdbc.sql("UPDATE sandbox_target SET behaviour = :b WHERE route = :r AND target_id = :id")
			.param("b", behaviour.wire())
			.param("r", route)
			.param("id", t.id())
			.update());
		return chosen.isPresent();
	}

	/** Every target healthy again (drills and tests start from here); selections are left alone. */
	void allHealthy() {
		jdbc.sql("UPDATE sandbox_target SET behaviour = 'healthy'").update();
	}

	private void enable(String route, String id, boolean enabled) {
		jdbc.sql("UPDATE sandbox_target SET enabled = :e WHERE route = :r AND target_id = :id")
			.param("e", enabled)
			.param("r", route)
			.param("id", id)
			.update();
	}

	private void selectTarget(String route, String id) {
		jdbc.sql("UPDATE sandbox_route SET selected = :s, version = version + 1, updated_at = :at WHERE route = :r")
			.param("s", id)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("r", route)
			.update();
	}

	private void bump(String route) {
		jdbc.sql("UPDATE sandbox_route SET version = version + 1, updated_at = :at WHERE route = :r")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("r", route)
			.update();
	}

	private Optional<SandboxRoute> load(String route, boolean lock) {
		Optional<String> selected = jdbc.sql("SELECT selected FROM sandbox_route WHERE route = :r" + (lock ? " FOR UPDATE" : ""))
			.param("r", route)
			.query(String.class)
			.optional();
		if (selected.isEmpty()) {
			return Optional.empty();
		}
		List<SandboxRoute.Target> targets = new ArrayList<>(jdbc.sql("""
				SELECT target_id, position, model, api_base, enabled, behaviour FROM sandbox_target
				WHERE route = :r ORDER BY position""")
			.param("r", route)
			.query((rs, n) -> new SandboxRoute.Target(rs.getString("target_id"), rs.getInt("position"),
					rs.getString("model"), rs.getString("api_base"), rs.getBoolean("enabled"),
					Behaviour.fromWire(rs.getString("behaviour"))))
			.list());
		return Optional.of(new SandboxRoute(route, selected.get(), targets));
	}
}
