package dev.switchboard.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the test application's clock from tests outside this package (drills). Whichever test
 * clock the scanned test configurations registered (the engine's or the gateway's), it only moves
 * when a test moves it.
 */
public final class DrivenClock {

	private final Clock clock;

	public DrivenClock(Clock clock) {
		this.clock = clock;
	}

	public Instant advance(Duration duration) {
		if (clock instanceof TestClock engine) {
			return engine.advance(duration);
		}
		if (clock instanceof dev.switchboard.gateway.TestClock gateway) {
			gateway.advance(duration);
			return gateway.instant();
		}
		throw new IllegalStateException("the application clock is not a test clock: " + clock);
	}

	public Instant instant() {
		return clock.instant();
	}
}
