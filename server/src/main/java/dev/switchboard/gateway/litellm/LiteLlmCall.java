package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.FlipPlan.PlannedCall;

/** One admin write, with its real body (may hold an api key: show only {@link #planned()}). */
record LiteLlmCall(String method, String path, ObjectNode body) {

	static LiteLlmCall block(String deploymentId, boolean block) {
		ObjectNode body = JsonNodeFactory.instance.objectNode().put("model_id", deploymentId);
		return new LiteLlmCall("POST", block ? "/model/block" : "/model/unblock", body);
	}

	boolean usesBlockEndpoints() {
		return path.equals("/model/block") || path.equals("/model/unblock");
	}

	/** What plans, approvals and the timeline show: redacted. */
	PlannedCall planned() {
		return new PlannedCall(method, path, tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(Redaction.json(body)));
	}

	@Override
	public String toString() {
		return method + " " + path;
	}
}
