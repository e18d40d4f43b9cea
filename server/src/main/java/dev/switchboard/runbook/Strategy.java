package dev.switchboard.runbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four ways an AI-dependent workflow can respond to a failing model, decided in advance. */
public enum Strategy {

	/** Stop the automation: nothing is produced rather than something wrong. */
	FAIL_CLOSED("fail-closed"),
	/** Route the work to a human queue. */
	FAIL_OPEN("fail-open"),
	/** Move the model route to the pre-agreed secondary, verify it, keep a rollback. */
	SWITCH_ROUTE("switch-route"),
	/** Turn off non-critical AI features, keep the essentials. */
	DEGRADE("degrade");

	private final String id;

	Strategy(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<Strategy> of(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.id.equals(t)).findFirst();
	}

	public static String names() {
		return String.join(", ", Arrays.stream(values()).map(Strategy::id).toList());
	}
}
