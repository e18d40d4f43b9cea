package dev.switchboard.incident.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.switchboard.incident.TimelineEvent;

/**
 * Timelines of recently changed or read incidents, so that a reply does not read and parse the
 * whole timeline again after every change. Correct across replicas because a timeline is
 * append-only with gap-free sequence numbers: its first n events never change, and the incident
 * row says n ({@code last_seq}); whatever is missing is read from the database. Only committed
 * events are kept: reads inside a transaction go straight to the database.
 */
@Component
public class RecentTimelines {

	private static final int INCIDENTS = 512;

	private final TimelineStore store;

	private final Map<Long, List<TimelineEvent>> known = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, List<TimelineEvent>> eldest) {
			return size() > INCIDENTS;
		}
	};

	public RecentTimelines(TimelineStore store) {
		this.store = store;
	}

	/** Events 1..{@code lastSeq} of incident {@code id}. */
	public List<TimelineEvent> upTo(long id, int lastSeq) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return store.list(id);
		}
		List<TimelineEvent> events = get(id);
		if (events.size() < lastSeq) {
			events = remember(id, events, store.listAfter(id, events.size()));
			if (events.size() < lastSeq) {
				return store.list(id); // not gap-free: never expected, answer as without this class
			}
		}
		return events.size() == lastSeq ? events : events.subList(0, lastSeq);
	}

	/** Events a change has committed (call after the commit, never inside a transaction). */
	public void committed(long id, List<TimelineEvent> events) {
		if (events.isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		remember(id, get(id), events);
	}

	private synchronized List<TimelineEvent> get(long id) {
		return known.getOrDefault(id, List.of());
	}

	/**
	 * Keeps {@code before + after} when {@code after} continues {@code before} without a gap. Every
	 * list kept for an incident is a prefix of the same timeline, so the longest one wins.
	 */
	private synchronized List<TimelineEvent> remember(long id, List<TimelineEvent> before, List<TimelineEvent> after) {
		for (int i = 0; i < after.size(); i++) {
			if (after.get(i).seq() != before.size() + i + 1) {
				return before;
			}
		}
		List<TimelineEvent> joined = new ArrayList<>(before.size() + after.size());
		joined.addAll(before);
		joined.addAll(after);
		List<TimelineEvent> events = Collections.unmodifiableList(joined);
		List<TimelineEvent> current = known.get(id);
		if (current != null && current.size() >= events.size()) {
			return current;
		}
		known.put(id, events);
		return events;
	}
}
