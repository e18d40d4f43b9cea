package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.RouteState;

/**
 * Runs a plan's calls in order. A failure part-way says which calls were already made (a block
 * flip may have unblocked the target but not yet blocked the old one). LiteLLM's 500 "saved to
 * the database, but not live in this pod's router" is a write, not a failure: it is noted and
 * verify decides.
 */
final class LiteLlmWrites {

	private final LiteLlmHttp http;

	private final int readBackAttempts;

	LiteLlmWrites(LiteLlmHttp http, int readBackAttempts) {
		this.http = http;
		this.readBackAttempts = readBackAttempts;
	}

	/**
	 * Runs the calls, then reads the route back until a read shows {@code desired} (several reads:
	 * behind a load balancer the next request may reach a replica that has not reloaded yet).
	 */
	RouteState runAndReadBack(RouteStrategy strategy, List<LiteLlmCall> calls, Desired desired, String route) {
		List<String> notes = run(calls);
		String written = notes.isEmpty() ? "written: " + calls : String.join("; ", notes);
		LiveRoute last = null;
		for (int attempt = 0; attempt < readBackAttempts; attempt++) {
			pause(attempt);
			last = strategy.read(route);
			if (strategy.callsTo(last, desired).isEmpty()) {
				return LiveRoute.withRaw(LiveRoute.withRaw(last.state(), "apply", written), "read_back",
						"shows the planned state");
			}
		}
		strategy.notReadBack(last, desired);
		return LiveRoute.withRaw(LiveRoute.withRaw(last.state(), "apply", written), "read_back",
				"not visible after " + readBackAttempts + " reads (replicas converging?): written, not verified");
	}

	/** @return notes about writes that were saved but not confirmed live; empty when all were clean */
	List<String> run(List<LiteLlmCall> calls) {
		List<String> notes = new ArrayList<>();
		List<String> done = new ArrayList<>();
		for (LiteLlmCall call : calls) {
			LiteLlmHttp.Reply reply;
			try {
				reply = http.admin(call.method(), call.path(), call.body());
			}
			catch (GatewayException ex) {
				throw partial(ex, done, calls.size());
			}
			if (!reply.ok() && LiteLlmErrors.savedButNotLive(reply, http)) {
				notes.add(call + ": saved to LiteLLM's database but not live on the pod that answered ("
						+ LiteLlmErrors.message(reply, http) + "); written, not verified");
			}
			else if (!reply.ok()) {
				throw partial(LiteLlmErrors.of(reply, call.toString(), http), done, calls.size());
			}
			done.add(call.toString());
		}
		return notes;
	}

	private static void pause(int attempt) {
		if (attempt > 0) {
			try {
				Thread.sleep(50L * attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GatewayException(GatewayException.Reason.TIMEOUT, "interrupted while reading the route back",
						ex);
			}
		}
	}

	private static GatewayException partial(GatewayException failure, List<String> done, int total) {
		if (done.isEmpty()) {
			return failure;
		}
		return new GatewayException(failure.reason(), failure.getMessage() + " — after " + done.size() + " of " + total
				+ " calls were made (" + String.join(", ", done) + "): the route may be half-flipped, read it back",
				failure);
	}
}
