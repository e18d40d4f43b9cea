package dev.switchboard.runbook;

import java.util.List;

/**
 * A {@code ##} section of a runbook.
 *
 * @param body the step's markdown without its choices list, action blocks and marker lines
 * @param strategy the strategy the step enacts, or null
 * @param resolution how a terminal step ends the incident ({@code mitigated}, {@code resolved},
 * {@code handed-off}), or null
 * @param anchors other names GitHub gives the step, which links may use: its heading's slug when
 * the step has an explicit id, further {@code <a name>}s on or above its heading
 * @param formerIds ids earlier Switchboard versions gave the step and incidents or drills may have
 * recorded (see {@link LegacyStepIds}); they find the step, links may not use them
 */
public record Step(String id, String title, int line, String body, List<Choice> choices, List<Action> actions,
		Strategy strategy, String resolution, List<Omission> omitted, List<Mention> mentions, List<RegistryRef> refs,
		List<String> anchors, List<String> formerIds) {

	public Step {
		anchors = List.copyOf(anchors);
		formerIds = List.copyOf(formerIds);
		choices = List.copyOf(choices);
		actions = List.copyOf(actions);
		omitted = List.copyOf(omitted);
		mentions = List.copyOf(mentions);
		refs = List.copyOf(refs);
	}

	/** Whether {@code stepId} names this step: its id, an anchor of it, or an id it had before. */
	public boolean answersTo(String stepId) {
		return id.equals(stepId) || anchors.contains(stepId) || formerIds.contains(stepId);
	}

	public boolean terminal() {
		return choices.isEmpty();
	}

	public boolean decision() {
		return choices.size() > 1;
	}
}
