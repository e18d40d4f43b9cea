package dev.switchboard.incident;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.golden.health.RouteHealth;

/**
 * The postmortem's evidence about content: each golden-set run around the incident's route changes (what the canary
 * saw before, what the change's gate saw after), and when the canary first saw each failing route drop.
 */
@Component
class GoldenEvidence {

	private final RouteHealth health;

	GoldenEvidence(RouteHealth health) {
		this.health = health;
	}

	String section(IncidentState state) {
		List<TimelineEvent> runs = state.timeline().stream().filter(e -> e.type() == EventType.GOLDEN_CHECKED).toList();
		if (runs.isEmpty()) {
			return "";
		}
		StringBuilder md = new StringBuilder("\n## Route content (golden sets)\n\n");
		for (TimelineEvent e : runs) {
			md.append("- ").append(e.at()).append(" `").append(e.detail("text")).append("` on ").append(e.detail("target"))
				.append(": ").append(e.detail("goldenSummary"));
			if (e.detail("goldenBefore") != null) {
				md.append(" (before the change, the canary saw ").append(e.detail("goldenBefore")).append(')');
			}
			if (e.details().get("goldenResults") instanceof List<?> lines) {
				lines.forEach(line -> md.append("\n  - ").append(line));
			}
			md.append('\n');
		}
		runs.stream().map(e -> e.detail("route")).distinct().forEach(route -> health.of(route).stream()
			.filter(t -> t.failingSince() != null)
			.forEach(t -> md.append("- Golden runs (canary, gates) first saw ").append(route).append(" on ").append(t.target())
				.append(" fail at ").append(t.failingSince()).append(" (").append(t.consecutiveFailures())
				.append(" failing run(s) in a row").append(t.live() ? ", live" : ", standby").append(")\n")));
		return md.toString();
	}
}
