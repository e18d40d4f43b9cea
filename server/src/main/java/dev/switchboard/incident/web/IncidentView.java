package dev.switchboard.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.catalog.RegistryFacts;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.runbook.ChatTextRenderer;
import dev.switchboard.runbook.Step;

/** The JSON form of an incident: state, current step with its choices and actions, timeline. */
public record IncidentView(String id, String title, RunbookRef runbook, String severity, String service, String commander,
		String status, boolean drill, Instant declaredAt, Instant firstDecisionAt, Instant mitigatedAt,
		Instant resolvedAt, StepView currentStep, List<String> path, List<EventView> timeline) {

	record RunbookRef(String id, String sha256, String walking) {
	}

	record StepView(String id, String title, String text, String strategy, String resolution, List<ChoiceView> choices,
			List<ActionView> actions) {
	}

	record ChoiceView(int index, String label, String hint, String target) {
	}

	record ActionView(int index, String text, String status, String detail) {
	}

	record EventView(int seq, String type, String actor, Instant at, String step, Map<String, Object> details) {

		public static EventView of(TimelineEvent e) {
			return new EventView(e.seq(), e.type().wire(), e.actor(), e.at(), e.step(), e.details());
		}
	}

	record Summary(String id, String title, String runbook, String severity, String status, boolean drill,
			String commander, String currentStep, Instant declaredAt) {

		public static Summary of(Incident i) {
			return new Summary(i.humanId(), i.title(), i.runbookId(), i.severity(), i.status().label(), i.drill(),
					i.commander(), i.currentStep(), i.declaredAt());
		}
	}

	/** {@code ownership} fills the step's {@code {{vendor.x.status_page}}}-style references, as chat does. */
	public static IncidentView of(IncidentState state, ChatTextRenderer text, Ownership ownership) {
		Incident i = state.incident();
		Step s = state.step();
		List<ChoiceView> choices = new java.util.ArrayList<>();
		for (int n = 0; n < s.choices().size(); n++) {
			var c = s.choices().get(n);
			choices.add(new ChoiceView(n + 1, c.label(), c.hint(), c.target()));
		}
		List<ActionView> actions = state.actions()
			.stream()
			.map(a -> new ActionView(a.index(), a.action().text(), a.status().label(), a.detail()))
			.toList();
		return new IncidentView(i.humanId(), i.title(),
				new RunbookRef(i.runbookId(), i.runbookSha256(), state.runbook().id()), i.severity(), i.service(),
				i.commander(), i.status().label(), i.drill(), i.declaredAt(), i.firstDecisionAt(), i.mitigatedAt(),
				i.resolvedAt(),
				new StepView(s.id(), s.title(), text.render(RegistryFacts.fill(s.body(), ownership)),
						s.strategy() == null ? null : s.strategy().id(), s.resolution(), choices, actions),
				state.path(), state.timeline().stream().map(EventView::of).toList());
	}
}
