package dev.switchboard.scenario;

import java.time.Duration;
import java.util.List;

/**
 * A surprise injected into a drill at a set time after it starts.
 *
 * @param at drill time (paused time does not count)
 * @param message what participants are told
 * @param line the line of the event in the scenario file
 */
public record InjectedEvent(Duration at, String message, List<SandboxEffect> effects, int line) {

	public InjectedEvent {
		effects = List.copyOf(effects);
	}

	/** {@code T+2m}, {@code T+1m30s}. */
	public String label() {
		return DrillTime.format(at);
	}
}
