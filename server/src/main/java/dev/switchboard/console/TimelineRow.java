package dev.switchboard.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.switchboard.incident.TimelineEvent;

/** One timeline event as a table row: when (T+ from the declaration), what, who, on which step, the gist. */
record TimelineRow(int seq, String at, String since, String type, String actor, String step, String gist) {

	private static final List<String> GIST = List.of("text", "choice", "result", "summary", "to", "plan", "principal",
			"message", "label");

	static TimelineRow of(TimelineEvent e, Instant declaredAt) {
		Duration since = Duration.between(declaredAt, e.at());
		String gist = "";
		for (String key : GIST) {
			if (e.detail(key) != null) {
				gist = e.detail(key);
				break;
			}
		}
		return new TimelineRow(e.seq(), e.at().toString(), "T+" + Math.max(0, since.toMinutes()) + "m", e.type().wire(),
				e.actor(), e.step() == null ? "" : e.step(), gist);
	}
}
