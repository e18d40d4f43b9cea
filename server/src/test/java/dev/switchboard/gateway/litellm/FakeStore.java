package dev.switchboard.gateway.litellm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The database shared by the fake's replicas. The replica that handled a write serves it at once
 * (LiteLLM reloads its own router); the others see it only {@code pollDelay} later, as LiteLLM pods
 * do on their DB poll ({@code proxy_config_reload_interval_seconds}).
 */
final class FakeStore {

	private record Stamped(long at, FakeState state) {
	}

	private final List<Stamped> history = new ArrayList<>();

	private final Map<Integer, Stamped> ownWrites = new HashMap<>();

	private final long pollNanos;

	FakeStore(Duration pollDelay) {
		this.pollNanos = pollDelay.toNanos();
		history.add(new Stamped(Long.MIN_VALUE, FakeState.empty()));
	}

	/** What the database holds now (writes always start from it, like LiteLLM's DB merges). */
	synchronized FakeState latest() {
		return history.get(history.size() - 1).state();
	}

	/** Saves a write; {@code liveOnWriter} false models the "saved, but not live in this pod" 500. */
	synchronized void commit(int replica, FakeState next, boolean liveOnWriter) {
		Stamped stamped = new Stamped(System.nanoTime(), next);
		history.add(stamped);
		if (liveOnWriter) {
			ownWrites.put(replica, stamped);
		}
	}

	/** Test setup: a change every replica sees at once. */
	synchronized void seed(UnaryOperator<FakeState> change) {
		history.add(new Stamped(System.nanoTime() - pollNanos - 1, change.apply(latest())));
	}

	/** The state replica {@code replica} serves now. */
	synchronized FakeState view(int replica) {
		long visibleBefore = System.nanoTime() - pollNanos;
		Stamped polled = history.get(0);
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).at() <= visibleBefore) {
				polled = history.get(i);
				break;
			}
		}
		Stamped own = ownWrites.get(replica);
		return own != null && own.at() > polled.at() && history.indexOf(own) > history.indexOf(polled) ? own.state()
				: polled.state();
	}
}
