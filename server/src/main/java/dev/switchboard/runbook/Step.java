package dev.switchboard.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

	/**
	 * The choice a person typed: its number (1-based) or, as {@link #choiceNamed(String)}, its
	 * label, step id or link target.
	 */
	public Optional<Choice> choice(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		try {
			int n = Integer.parseInt(typed.trim());
			return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return choiceNamed(typed);
		}
	}

	/** The choice named by its label (any case), its step id or its link target ({@code #step} or {@code step}). */
	public Optional<Choice> choiceNamed(String name) {
		String c = name.trim();
		String lower = c.toLowerCase(Locale.ROOT);
		return choices.stream()
			.filter(ch -> ch.label().equalsIgnoreCase(c) || lower.equals(ch.step()) || lower.equals(ch.target())
					|| ("#" + lower).equals(ch.target()))
			.findFirst();
	}
}
