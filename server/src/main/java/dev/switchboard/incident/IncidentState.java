package dev.switchboard.incident;

import java.util.List;

import dev.switchboard.runbook.Action;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

/**
 * An incident with everything needed to show it: the runbook version it walks, the current step,
 * the state of that step's actions, the path walked so far and the whole timeline.
 */
public record IncidentState(Incident incident, Runbook runbook, Step step, List<ActionState> actions,
		List<String> path, List<TimelineEvent> timeline) {

	/** An action of the current step and where it stands. */
	public record ActionState(int index, Action action, Status status, String detail) {

		public enum Status {
			PENDING, REQUESTED, APPROVED, RUNNING, DONE, FAILED, REFUSED;

			public String label() {
				return name().toLowerCase(java.util.Locale.ROOT);
			}
		}
	}
}
