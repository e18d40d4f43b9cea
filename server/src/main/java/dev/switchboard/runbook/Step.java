package dev.switchboard.runbook;

import java.util.List;

/**
 * A {@code ##} section of a runbook.
 *
 * @param body the step's markdown without its choices list, action blocks and marker lines
 * @param strategy the strategy the step enacts, or null
 * @param resolution how a terminal step ends the incident ({@code mitigated}, {@code resolved},
 * {@code handed-off}), or null
 */
public record Step(String id, String title, int line, String body, List<Choice> choices, List<Action> actions,
		Strategy strategy, String resolution, List<Omission> omitted, List<Mention> mentions, List<RegistryRef> refs) {

	public Step {
		choices = List.copyOf(choices);
		actions = List.copyOf(actions);
		omitted = List.copyOf(omitted);
		mentions = List.copyOf(mentions);
		refs = List.copyOf(refs);
	}

	public boolean terminal() {
		return choices.isEmpty();
	}

	public boolean decision() {
		return choices.size() > 1;
	}
}
