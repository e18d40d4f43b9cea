package dev.switchboard.scenario;

import java.util.Locale;

/** The failure a scenario rehearses (design.md: the three failure shapes, plus deprecation). */
public enum FailureShape {
	HARD_OUTAGE, THROTTLING, SILENT_DEGRADATION, DEPRECATION;

	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static FailureShape fromWire(String wire) {
		return valueOf(wire.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
