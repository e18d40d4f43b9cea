package dev.switchboard.gateway.scg;

import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.FlipPlan.PlannedCall;
import dev.switchboard.gateway.Redaction;

/**
 * One actuator call of a change: a definition write or a refresh. Its body is the whole route
 * definition (it may carry credentials in filters or the uri): show only {@link #planned}.
 */
record ScgCall(String method, String path, String routeId, ObjectNode body) {

	static ScgCall save(String routeId, ObjectNode definition) {
		return new ScgCall("POST", "/routes/" + ScgActuator.segment(routeId), routeId, definition);
	}

	static ScgCall refresh() {
		return new ScgCall("POST", "/refresh", null, null);
	}

	boolean isRefresh() {
		return body == null;
	}

	/** What plans, approvals and the timeline show: redacted. */
	PlannedCall planned(String actuatorPath) {
		return new PlannedCall(method, actuatorPath + path,
				body == null ? "" : Redaction.text(ScgActuator.JSON.writeValueAsString(body)));
	}

	@Override
	public String toString() {
		return method + " " + path;
	}
}
