package dev.switchboard.ownership;

import java.util.List;

/**
 * An AI workflow: its owning team, the model route it uses on the gateway, the pre-agreed
 * primary and secondary targets, and where work goes when failing open to humans.
 */
public record Service(String id, String name, String description, int tier, String team, String onCall, String route,
		String primary, String secondary, String standby, String humanQueue, List<String> runbooks) {

	public Service {
		runbooks = runbooks == null ? List.of() : List.copyOf(runbooks);
	}

	/** {@code primary}/{@code secondary} resolve to targets; any other value is taken as a model. */
	public String target(String name) {
		return switch (name) {
			case "primary" -> primary;
			case "secondary" -> secondary;
			default -> name;
		};
	}
}
