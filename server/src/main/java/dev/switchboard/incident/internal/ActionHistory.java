package dev.switchboard.incident.internal;

import java.util.List;
import java.util.Optional;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/** The timeline of one action of a step, in the step's latest visit (re-entering a step starts afresh). */
public record ActionHistory(int visit, List<TimelineEvent> events) {

	public static ActionHistory of(List<TimelineEvent> timeline, String step, int action) {
		int visit = 0;
		for (TimelineEvent e : timeline) {
			if (e.type() == EventType.STEP_ENTERED && step.equals(e.step())) {
				visit = e.seq();
			}
		}
		int from = visit;
		String index = String.valueOf(action);
		return new ActionHistory(visit, timeline.stream()
			.filter(e -> e.seq() > from && step.equals(e.step()) && index.equals(e.detail("action")))
			.toList());
	}

	/** Started and not finished yet. */
	public boolean running() {
		return lastSeq(EventType.ACTION_STARTED) > Math.max(Math.max(lastSeq(EventType.ACTION_SUCCEEDED),
				lastSeq(EventType.ACTION_FAILED)), lastSeq(EventType.ACTION_REFUSED));
	}

	public boolean succeeded() {
		return lastSeq(EventType.ACTION_SUCCEEDED) > 0;
	}

	public int attempts() {
		return (int) events.stream().filter(e -> e.type() == EventType.ACTION_STARTED).count();
	}

	/** The latest approval request, unless an approval, a start or an outcome came after it. */
	public Optional<TimelineEvent> pendingApproval() {
		int asked = lastSeq(EventType.APPROVAL_REQUESTED);
		if (asked == 0) {
			return Optional.empty();
		}
		boolean answered = events.stream()
			.anyMatch(e -> e.seq() > asked && (e.type() == EventType.ACTION_APPROVED || e.type() == EventType.ACTION_STARTED
					|| e.type() == EventType.ACTION_SUCCEEDED || e.type() == EventType.ACTION_FAILED));
		return answered ? Optional.empty() : events.stream().filter(e -> e.seq() == asked).findFirst();
	}

	private int lastSeq(EventType type) {
		int seq = 0;
		for (TimelineEvent e : events) {
			if (e.type() == type) {
				seq = e.seq();
			}
		}
		return seq;
	}
}
