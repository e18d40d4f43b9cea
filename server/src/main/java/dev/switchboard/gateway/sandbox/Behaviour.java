package dev.switchboard.gateway.sandbox;

import java.util.Locale;

/** How the fake upstream behind a sandbox target answers: the failure shapes drills rehearse. */
public enum Behaviour {
	/** 200, echoes what it is asked to. */
	HEALTHY,
	/** 503: a hard outage. */
	DOWN,
	/** 429 with {@code Retry-After}: throttling. */
	THROTTLED,
	/** 200 with valid JSON and garbage content: silent degradation. */
	WRONG_CONTENT,
	/** Healthy, but only after a long pause: requests time out. */
	SLOW,
	/**
	 * Format drift: transport right (200, the right headers, probe nonces echoed) but content wrong: a JSON
	 * answer loses its first field and its labels change, a label becomes another, a text reply goes generic.
	 */
	DRIFT;

	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Behaviour fromWire(String wire) {
		return valueOf(wire.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
