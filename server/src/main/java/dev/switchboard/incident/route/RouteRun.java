package dev.switchboard.incident.route;

import java.util.Map;
import dev.switchboard.incident.Actor;

/**
 * One claimed route change on its way through write, read back and verify: the flip or restore of a
 * step action, a roll back, or an automatic revert. Its gateway idempotency key names it in every
 * timeline event, so an outcome is recorded once whoever records it (the process that made the
 * change, or the recovery after a crash).
 *
 * @param base the timeline details every event of the change carries
 */
record RouteRun(long incidentId, String step, Actor actor, Map<String, Object> base, RouteProposal proposal,
		String gatewayKey) {

	/** The step action the change belongs to (for a roll back or a revert: the action whose change it undoes). */
	int action() {
		Object action = base.getOrDefault("action", base.getOrDefault("undoes", "0"));
		return Integer.parseInt(String.valueOf(action));
	}

	/** Guards the one {@code route-written} event of this change. */
	String writtenKey() {
		return "route-written:" + gatewayKey;
	}

	/** Guards the one outcome (succeeded, failed, refused) of this change. */
	String outcomeKey() {
		return "route-outcome:" + gatewayKey;
	}
}
