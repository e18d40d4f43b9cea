package dev.switchboard.gateway;

import java.util.List;
import java.util.Optional;

/**
 * One AI gateway, as Switchboard drives it. Every call has a timeout and fails with
 * {@link GatewayException} (never hangs, never claims a change that did not happen). Responses
 * are redacted before they leave the adapter (api keys, credentials in {@code api_base}).
 */
public interface Gateway {

	/** {@code sandbox}, {@code litellm}, {@code scg}: shown in plans and the timeline. */
	String kind();

	/** False only for the sandbox: drills may touch nothing else. */
	boolean production();

	List<RouteState> routes();

	/** Reads a route back from the gateway itself (never from a cache). */
	RouteState read(String route);

	/** What a flip of {@code route} to {@code target} would change, and the exact calls it would make. */
	FlipPlan plan(String route, String target);

	/**
	 * Applies a plan once: repeating the same {@code idempotencyKey} does not apply it again.
	 * Returns the state read back after the write.
	 */
	RouteState apply(FlipPlan plan, String idempotencyKey);

	/** Takes one target of a route out of service (fail closed) or puts it back. */
	RouteState setEnabled(String route, String target, boolean enabled);

	/**
	 * Sends a bounded number of small probe requests through the route over at least the
	 * gateway's convergence interval; every probe must be served by {@code expectedTarget}
	 * with no fallback attempted.
	 */
	Verification verify(String route, String expectedTarget, VerifyPolicy policy);

	/**
	 * Puts a route back as it was in {@code snapshot}; refused with a drift report when the
	 * route's live state is no longer {@code expectedCurrent} (someone else changed it).
	 */
	RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent);

	/**
	 * Where Switchboard's own chat requests for {@code route} go: through the route as traffic flows
	 * ({@code target} null), or straight to one of its targets, bypassing the selection (a standby's canary).
	 * Empty when this gateway cannot carry them (then content is not checked, and every reply says so).
	 */
	default Optional<ChatEndpoint> chat(String route, String target) {
		return Optional.empty();
	}
}
