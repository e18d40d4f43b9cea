package dev.switchboard.incident.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.switchboard.incident.internal.ActionHistory;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.TimelineEvent;

/** Route changes of the current step that wait for a second authorized person to approve their exact plan. */
public final class PendingApprovals {

	/**
	 * @param action the action's number on the step
	 * @param planHash the plan an approval must name
	 * @param summary what the plan changes, e.g. {@code invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5}
	 * @param requestedBy who asked for it (and so may not approve it)
	 */
	public record PendingApproval(int action, String planHash, String summary, String requestedBy) {

		/** The short form shown on buttons and typed in {@code approve N <hash>}. */
		public String shortHash() {
			return planHash.substring(0, Math.min(16, planHash.length()));
		}
	}

	private PendingApprovals() {
	}

	public static List<PendingApproval> of(IncidentState state) {
		List<PendingApproval> out = new ArrayList<>();
		for (int i = 1; i <= state.step().actions().size(); i++) {
			of(state.timeline(), state.step().id(), i).ifPresent(out::add);
		}
		return out;
	}

	static Optional<PendingApproval> of(List<TimelineEvent> timeline, String step, int action) {
		return ActionHistory.of(timeline, step, action)
			.pendingApproval()
			.map(e -> new PendingApproval(action, e.detail("planHash"), e.detail("plan"), e.actor()));
	}
}
