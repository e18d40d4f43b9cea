package dev.switchboard.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentChanged;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.TimelineEvent;


/**
 * The one way an existing incident changes: in a transaction that claims the request key, locks
 * the incident row, appends timeline events with gap-free sequence numbers and bumps the
 * optimistic version. Every guard lives in the database, so it holds across replicas.
 */
@Component
public class IncidentTransactions {

	private final IncidentStore incidents;

	private final TimelineStore timeline;

	private final RequestKeys keys;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final RecentTimelines recent;

	IncidentTransactions(IncidentStore incidents, TimelineStore timeline, RequestKeys keys, TransactionTemplate tx,
			Clock clock, ApplicationEventPublisher publisher, RecentTimelines recent) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.keys = keys;
		this.tx = tx;
		this.clock = clock;
		this.publisher = publisher;
		this.recent = recent;
	}

	/** A change being built inside the transaction. */
	public static final class Change {

		private Incident incident;

		private final Instant now;

		private final List<PendingEvent> events = new ArrayList<>();

		Change(Incident incident, Instant now) {
			this.incident = incident;
			this.now = now;
		}

		Incident incident() {
			return incident;
		}

		public Instant now() {
			return now;
		}

		public void update(Incident changed) {
			incident = changed;
		}

		public void record(EventType type, Actor actor, String step, Map<String, Object> details) {
			events.add(new PendingEvent(type, actor.personId(), step, details));
		}
	}

	private record PendingEvent(EventType type, String actor, String step, Map<String, Object> details) {
	}

	/**
	 * Applies {@code change} to incident {@code id}.
	 * @param requestKey applied at most once; null when the request carries none
	 */
	public <T> Applied<T> change(long id, String requestKey, BiFunction<Incident, Change, T> change) {
		List<TimelineEvent> written = new ArrayList<>();
		AtomicReference<Incident> row = new AtomicReference<>();
		T result;
		try {
			result = tx.execute(status -> {
				Instant now = now(clock);
				if (requestKey != null) {
					keys.claim(requestKey, id, now);
				}
				Incident incident = incidents.lock(id)
					.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
							"unknown incident " + IncidentIds.format(id)));
				Change c = new Change(incident, now);
				T value = change.apply(incident, c);
				written.addAll(append(incident, c));
				if (!incidents.update(c.incident(), incident.version())) {
					throw new OptimisticLockingFailureException(incident.humanId() + " changed concurrently");
				}
				row.set(c.incident());
				// A change that answers with the incident gets it as committed (version, last_seq), which
				// is what a reply built from it needs to read the rest of the timeline correctly.
				if (value instanceof Incident answered && answered.id() == id) {
					@SuppressWarnings("unchecked")
					T committed = (T) c.incident();
					return committed;
				}
				return value;
			});
		}
		catch (DuplicateKeyException ex) {
			requireSameRequest(requestKey);
			return new Applied<>(null, true);
		}
		if (!written.isEmpty()) {
			recent.committed(id, written);
			publisher.publishEvent(new IncidentChanged(id, List.copyOf(written), row.get()));
		}
		return new Applied<>(result, false);
	}

	/**
	 * Creates an incident and its first events and returns it as committed; a replayed key returns
	 * the incident it created, as it is now.
	 */
	public Applied<Incident> create(Incident draft, String requestKey, BiFunction<Incident, Change, Void> firstEvents) {
		List<TimelineEvent> written = new ArrayList<>();
		if (requestKey != null) {
			// A replay answers before inserting: an insert rolled back still uses up an incident number.
			Optional<Incident> earlier = keys.incidentOf(requestKey).flatMap(incidents::find);
			if (earlier.isPresent()) {
				requireSameRequest(requestKey);
				return new Applied<>(earlier.get(), true);
			}
		}
		Incident created;
		try {
			created = tx.execute(status -> {
				long newId = incidents.insert(draft);
				if (requestKey != null) {
					keys.claim(requestKey, newId, draft.declaredAt());
				}
				// The row was inserted by this transaction, so nobody else can hold or change it.
				Incident incident = draft.withId(newId);
				Change c = new Change(incident, draft.declaredAt());
				firstEvents.apply(incident, c);
				written.addAll(append(incident, c));
				incidents.update(c.incident(), incident.version());
				return c.incident();
			});
		}
		catch (DuplicateKeyException ex) {
			requireSameRequest(requestKey);
			long id = keys.incidentOf(requestKey).orElseThrow(() -> ex);
			return new Applied<>(incidents.find(id).orElseThrow(() -> ex), true);
		}
		recent.committed(created.id(), written);
		publisher.publishEvent(new IncidentChanged(created.id(), List.copyOf(written), created));
		return new Applied<>(created, false);
	}

	/** A key sent again with another request is a client's mistake, not a retry: say so (IETF Idempotency-Key). */
	private void requireSameRequest(String requestKey) {
		if (keys.claimedByAnotherRequest(requestKey)) {
			throw new IncidentException(IncidentException.Code.IDEMPOTENCY_KEY_REUSED,
					"this Idempotency-Key was already used for a different request; send a new key for a new request");
		}
	}

	/**
	 * The time of a change, at the precision the database stores (microseconds). The system clock
	 * has nanoseconds on Linux; without this, the incident and events returned and published differ
	 * from what is read back, and comparisons between the two (time to first decision) never match.
	 */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Numbers the events after the locked row's {@code last_seq}; the incident to write then carries
	 * the last one and the version the update gives it.
	 */
	private List<TimelineEvent> append(Incident locked, Change c) {
		List<TimelineEvent> out = new ArrayList<>();
		int seq = locked.lastSeq();
		for (PendingEvent e : c.events) {
			out.add(new TimelineEvent(locked.id(), ++seq, e.type(), e.actor(), c.now(), e.step(), e.details()));
		}
		timeline.append(out);
		c.update(c.incident().written(seq));
		return out;
	}
}
