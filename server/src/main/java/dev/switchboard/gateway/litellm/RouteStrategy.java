package dev.switchboard.gateway.litellm;

import java.util.List;

/** How one kind of route is read and moved on the proxy ({@link LiteLlmProperties.Strategy}). */
interface RouteStrategy {

	LiteLlmProperties.Strategy kind();

	/** Reads the route from the proxy (never from a cache). */
	LiveRoute read(String route);

	/** The writes that take {@code live} to {@code desired}, in order; empty when it is already there. */
	List<LiteLlmCall> callsTo(LiveRoute live, Desired desired);

	/** Which deployments must answer probes while {@code target} is active. */
	Expectation expect(LiveRoute live, String target);

	/**
	 * Called when no read-back showed the write. Repoint and block only note it (another replica
	 * may have answered: verify decides); alias fails, because {@code /config/update} answers 200
	 * even when it drops {@code model_group_alias}.
	 */
	default void notReadBack(LiveRoute last, Desired desired) {
	}
}
