package dev.switchboard.incident;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.switchboard.incident.internal.IncidentTransactions;

/**
 * How paging changes an incident: under the incident's row lock (so an acknowledgement, an escalation
 * and a delivery never interleave, on any replica), recording paging events only. The paging
 * feature keeps its own tables; this is its one way into the timeline.
 */
@Service
public class PagingEvents {

	private final IncidentTransactions transactions;

	PagingEvents(IncidentTransactions transactions) {
		this.transactions = transactions;
	}

	/** Records paging events on the incident being changed. */
	public interface Recorder {

		Instant now();

		void record(EventType type, Actor actor, Map<String, Object> details);

	}

	/** Work done in the incident's transaction, holding its lock. */
	public interface Work<T> {

		T apply(Incident locked, Recorder recorder);

	}

	/**
	 * Runs {@code work} in a transaction holding incident {@code id}'s lock; the events it records are
	 * appended to the timeline in that same transaction and published after it commits.
	 * @param requestKey applied at most once; null when the request carries none
	 */
	public <T> Applied<T> change(long id, String requestKey, Work<T> work) {
		return transactions.change(id, requestKey, (incident, change) -> work.apply(incident, new Recorder() {

			@Override
			public Instant now() {
				return change.now();
			}

			@Override
			public void record(EventType type, Actor actor, Map<String, Object> details) {
				if (!type.pagingOnly()) {
					throw new IllegalArgumentException(type.wire() + " is not a paging event");
				}
				change.record(type, actor, incident.currentStep(), details);
			}
		}));
	}
}
