package dev.switchboard.incident.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.Verification;

/** Timeline details of route changes, one shape for every event; gateway text is redacted on the way in. */
final class RouteEvents {

	private RouteEvents() {
	}

	static Map<String, Object> base(int index, String text, Gateway gateway, RouteCommand command) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("action", String.valueOf(index));
		details.put("text", text);
		details.put("gateway", gateway.kind());
		details.put("route", command.route());
		return details;
	}

	static Map<String, Object> base(int index, String text, RouteProposal p) {
		return plan(base(index, text, p.gateway(), p.command()), p);
	}

	/** Adds the plan, its hash and the snapshot taken before it to {@code details}. */
	static Map<String, Object> plan(Map<String, Object> details, RouteProposal p) {
		details.put("plan", Redaction.text(p.summary()));
		if (!p.hash().isEmpty()) {
			details.put("planHash", p.hash());
		}
		if (p.before() != null) {
			details.put("snapshot", p.before().id());
		}
		return details;
	}

	/**
	 * The details every event of a claimed change carries: its gateway idempotency key, and what recovery
	 * needs to reconcile it after a crash (the kind of change, its target, the state verify expects).
	 */
	static Map<String, Object> run(Map<String, Object> base, RouteProposal p, String gatewayKey) {
		Map<String, Object> details = new LinkedHashMap<>(base);
		details.put("idempotencyKey", gatewayKey);
		details.put("kind", p.command().kind().verb());
		if (p.target() != null) {
			details.put("target", p.target());
		}
		details.put("expect", p.expectedAfter() == null ? "" : p.expectedAfter());
		if (p.restoreTo() != null) {
			details.put("restoreSnapshot", p.restoreTo().id());
		}
		return details;
	}

	static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> details = new LinkedHashMap<>(base);
		details.put(key, value instanceof String s ? Redaction.text(s) : value);
		return details;
	}

	static Map<String, Object> verification(Map<String, Object> base, Verification v) {
		Map<String, Object> details = new LinkedHashMap<>(base);
		details.put("outcome", v.outcome().name());
		details.put("probes", v.probes());
		details.put("servedByExpected", v.servedByExpected());
		List<String> observations = v.observations().stream().limit(20).map(Redaction::text).toList();
		details.put("observations", observations);
		return details;
	}

	static String counts(Verification v) {
		return v.servedByExpected() + "/" + v.probes() + " probes served as expected";
	}
}
