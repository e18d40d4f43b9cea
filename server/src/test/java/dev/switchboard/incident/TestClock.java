package dev.switchboard.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it, so on-call shifts, first-decision times and
 * postmortem offsets are exact. Starts on Wednesday 2026-11-18 12:00 UTC: karim-haddad holds
 * ai-platform-primary that week, daniel-okafor the workflow-failure day.
 */
public final class TestClock extends Clock {

	static final Instant START = Instant.parse("2026-11-18T12:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(START);

	void set(Instant instant) {
		now.set(instant);
	}

	Instant advance(Duration duration) {
		return now.updateAndGet(i -> i.plus(duration));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}
}
