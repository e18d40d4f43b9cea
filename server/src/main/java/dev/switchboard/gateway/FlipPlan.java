package dev.switchboard.gateway;

import java.util.List;

/**
 * A route change, before it is made.
 *
 * @param summary human diff: {@code invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5}
 * @param calls the exact calls the adapter will make (redacted), in order
 * @param basedOn the fingerprint of the state the plan was made from; applying refuses if it changed
 * @param hash digest of everything above: an approval is bound to it
 */
public record FlipPlan(String gateway, String route, String from, String to, String summary, List<PlannedCall> calls,
		String basedOn, String hash) {

	public FlipPlan {
		calls = List.copyOf(calls);
	}

	public record PlannedCall(String method, String path, String body) {
	}
}
