package dev.switchboard.drill;

import java.util.Locale;

public enum DrillStatus {
	RUNNING, PAUSED, ENDED;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
