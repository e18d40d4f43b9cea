package dev.switchboard.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.PagingEvents;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.paging.internal.Page;
import dev.switchboard.paging.internal.PageStore;

/**
 * Acknowledging pages, from anywhere (chat, REST, a Slack button, PagerDuty's webhook): the person's
 * own open pages, or every open page of the incident when none was theirs (someone is on it). Stops
 * escalation, tells the pagers (PagerDuty gets {@code acknowledge} with the page's dedup key) and is
 * idempotent: acknowledging again changes nothing.
 */
@Service
public class Acknowledgements {

	private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

	private final PagingEvents events;

	private final PageStore store;

	private final Escalations escalations;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final PagingMetrics metrics;

	Acknowledgements(PagingEvents events, PageStore store, Escalations escalations, Incidents incidents,
			CatalogRegistry catalogs, PagingMetrics metrics) {
		this.events = events;
		this.store = store;
		this.escalations = escalations;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.metrics = metrics;
	}

	/** A person acknowledges incident {@code id} through {@code via} ({@code terminal}, {@code slack}, {@code rest}…). */
	public Acknowledgement acknowledge(long id, Actor actor, String via, String requestKey) {
		if (catalogs.current().ownership().person(actor.personId()).isEmpty()) {
			throw new IncidentException(IncidentException.Code.UNKNOWN_PERSON, "'" + actor.personId()
					+ "' is not a person in ownership.yaml; ask the file's owners to add you");
		}
		return apply(id, actor, via, null, true, requestKey);
	}

	/**
	 * PagerDuty reports that a person acknowledged (or resolved) the PagerDuty incident of one of our
	 * pages: that page is acknowledged by them. Empty when no page of ours has this dedup key.
	 * @param agentId the PagerDuty user id; matched to ownership.yaml's {@code pagerduty} ids
	 * @param agentEmail matched to people's e-mail when the id is not known (may be null)
	 */
	public Optional<Acknowledgement> fromPagerDuty(String dedupKey, String agentId, String agentEmail, String eventType) {
		List<Page> pages = store.byDedupKey(dedupKey);
		if (pages.isEmpty()) {
			return Optional.empty();
		}
		var ownership = catalogs.current().ownership();
		String person = Optional.ofNullable(agentId)
			.flatMap(ownership.paging()::personOfPagerDutyUser)
			.or(() -> Optional.ofNullable(agentEmail).flatMap(ownership::personByEmail).map(p -> p.id()))
			.orElse("pagerduty:" + (agentId == null ? "unknown" : agentId));
		long incidentId = pages.get(0).incidentId();
		return Optional.of(apply(incidentId, new Actor(person), "pagerduty " + eventType, p -> dedupKey.equals(p.dedupKey()),
				false, null));
	}

	private Acknowledgement apply(long id, Actor actor, String via, Predicate<Page> only, boolean tellPagers,
			String requestKey) {
		record Result(Acknowledgement ack, boolean first, List<Page> pages, Instant at, Incident incident) {
		}
		var applied = events.change(id, requestKey, (incident, recorder) -> {
			Instant now = recorder.now();
			List<Page> pages = store.pagesOf(id);
			List<Page> open = pages.stream().filter(p -> p.open() && !p.acknowledged()).toList();
			List<Page> chosen = only == null ? List.of() : open.stream().filter(only).toList();
			List<TimelineEvent> timeline = incidents.timeline(id);
			boolean firstAck = timeline.stream().noneMatch(e -> e.type() == EventType.ACKNOWLEDGED);
			boolean already = timeline.stream()
				.anyMatch(e -> e.type() == EventType.ACKNOWLEDGED && e.actor().equals(actor.personId()));
			if (only == null) {
				// one's own pages; someone paged for none takes them all (they are on it), once
				List<Page> mine = open.stream().filter(p -> p.people().contains(actor.personId())).toList();
				chosen = !mine.isEmpty() || already ? mine : open;
			}
			if (chosen.isEmpty() && (already || !incident.open() || only != null)) {
				return new Result(new Acknowledgement(incident, actor.personId(), List.of(), true), false, List.of(), now,
						incident);
			}
			List<String> principals = new ArrayList<>();
			List<String> keys = new ArrayList<>();
			for (Page page : chosen) {
				if (store.acknowledge(page.id(), actor.personId(), via, now)) {
					principals.add(page.principal());
					keys.add(page.dedupKey());
					if (tellPagers) {
						escalations.followUp(page, "acknowledge", now);
					}
				}
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("via", via);
			details.put("principals", principals);
			details.put("dedupKeys", keys);
			details.put("result", "acknowledged by " + actor.personId() + " via " + via
					+ (principals.isEmpty() ? "" : " (pages of " + String.join(", ", principals) + ")") + " at T+"
					+ Duration.between(incident.declaredAt(), now).toMinutes() + "m");
			recorder.record(EventType.ACKNOWLEDGED, actor, details);
			return new Result(new Acknowledgement(incident, actor.personId(), principals, false), firstAck, chosen, now,
					incident);
		});
		Result result = applied.result();
		if (result == null) {
			// a replayed request key: the first request acknowledged; say so without changing anything
			return new Acknowledgement(incidents.get(id), actor.personId(), List.of(), true);
		}
		if (!result.ack().already()) {
			metrics.acknowledged(result.incident(), result.first(), result.pages(), result.at());
			log.info("{} acknowledged by {} via {}", result.incident().humanId(), actor.personId(), via);
		}
		return result.ack();
	}
}
