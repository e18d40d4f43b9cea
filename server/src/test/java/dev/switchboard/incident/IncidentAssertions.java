package dev.switchboard.incident;

import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What incident tests say about timelines and refusals, in one place. */
final class IncidentAssertions {

	private IncidentAssertions() {
	}

	/** Event types, with the step when there is one: {@code choice-made@triage}. */
	static List<String> kinds(List<TimelineEvent> events) {
		return events.stream().map(e -> e.type().wire() + (e.step() == null ? "" : "@" + e.step())).toList();
	}

	static void assertGapFree(List<TimelineEvent> timeline) {
		assertThat(timeline).extracting(TimelineEvent::seq)
			.as("seq 1..n without gaps or duplicates")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, timeline.size()).boxed().toList());
	}

	/** The refusal {@code call} throws; fails when it throws anything else or nothing. */
	static IncidentException refused(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(IncidentException.class);
		return (IncidentException) thrown;
	}

	/**
	 * The incident without its bookkeeping (optimistic version, {@code last_seq}), which every
	 * change moves: what is left is what the incident says (step, status, severity, ...).
	 */
	static Incident withoutVersion(Incident i) {
		return new Incident(i.id(), i.title(), i.runbookId(), i.runbookSha256(), i.currentRunbookSha256(), i.currentStep(),
				i.severity(), i.service(), i.commander(), i.status(), i.drill(), i.chat(), i.declaredAt(),
				i.firstDecisionAt(), i.mitigatedAt(), i.resolvedAt(), i.updatedAt(), 0, 0);
	}
}
