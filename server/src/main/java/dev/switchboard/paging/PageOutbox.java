package dev.switchboard.paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.PagingEvents;
import dev.switchboard.paging.internal.OutboxEntry;
import dev.switchboard.paging.internal.Page;
import dev.switchboard.paging.internal.PageStore;

/**
 * Delivers the outbox: claims each due call (one replica wins), sends it, and settles it under the
 * incident's lock. Accepted: the timeline says delivered. Refused (a 400, a missing key): a
 * configuration error, shown and never retried. 429, 5xx, timeouts: retried with exponential backoff
 * and jitter until {@code retry.give-up-after}. A page whose every pager failed is NOT delivered,
 * and the timeline says so.
 */
@Service
public class PageOutbox {

	private static final Logger log = LoggerFactory.getLogger(PageOutbox.class);

	private final PageStore store;

	private final Pagers pagers;

	private final PagingEvents events;

	private final Incidents incidents;

	private final PagingProperties properties;

	private final Clock clock;

	PageOutbox(PageStore store, Pagers pagers, PagingEvents events, Incidents incidents, PagingProperties properties,
			Clock clock) {
		this.store = store;
		this.pagers = pagers;
		this.events = events;
		this.incidents = incidents;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends every call due now; returns how many were sent (accepted or not). */
	public int deliverDue() {
		int sent = 0;
		for (OutboxEntry entry : store.due(clock.instant(), 50)) {
			Instant now = clock.instant();
			if (!store.claim(entry.id(), now, now.plus(properties.pagerduty().timeout().multipliedBy(3)))) {
				continue;
			}
			try {
				deliver(entry);
				sent++;
			}
			catch (RuntimeException ex) {
				log.error("outbox call {} ({} {}) failed unexpectedly; it is tried again", entry.id(), entry.channel(),
						entry.action(), ex);
				store.retryAt(entry.id(), entry.attempts() + 1, null, ex.toString(), now.plus(properties.retry().first()));
			}
		}
		return sent;
	}

	private void deliver(OutboxEntry entry) {
		Page page = store.page(entry.pageId()).orElseThrow();
		Incident incident = incidents.get(page.incidentId());
		Optional<Pager> pager = pagers.named(entry.channel());
		Outcome outcome = pager.map(p -> p.send(message(entry, page, incident)))
			.orElseGet(() -> Outcome.refused(0, "the " + entry.channel() + " pager is no longer configured"));
		events.change(page.incidentId(), null, (locked, recorder) -> {
			// read again under the lock: an acknowledgement may have changed it while the pager answered
			settle(entry, store.page(page.id()).orElse(page), outcome, recorder);
			return null;
		});
	}

	private PageMessage message(OutboxEntry entry, Page page, Incident incident) {
		String base = properties.publicUrl();
		String link = base == null || base.isBlank() ? null
				: base.replaceAll("/+$", "") + "/api/incidents/" + incident.humanId();
		return new PageMessage(entry.action(), entry.address(), page.dedupKey(), incident.humanId(), incident.severity(),
				incident.title(), incident.runbookId(), incident.currentStep(), incident.service(), page.principal(),
				page.people(), link, incident.drill());
	}

	private void settle(OutboxEntry entry, Page page, Outcome outcome, PagingEvents.Recorder recorder) {
		Instant now = recorder.now();
		boolean trigger = "trigger".equals(entry.action());
		int attempts = entry.attempts() + 1;
		switch (outcome.kind()) {
			case DELIVERED -> {
				store.finish(entry.id(), "sent", attempts, outcome.status(), null, now);
				if (trigger) {
					if ("pending".equals(page.state()) || "undelivered".equals(page.state())) {
						store.pageState(page.id(), "delivered", now);
					}
					Map<String, Object> details = details(page, entry, outcome, attempts);
					details.put("result", "paged " + page.principal() + " via " + entry.channel() + ": accepted"
							+ (outcome.status() > 0 ? " (" + outcome.status() + ")" : "") + (attempts > 1 ? " after " + attempts + " tries" : "")
							+ "; not acknowledged yet");
					recorder.record(EventType.PAGE_DELIVERED, Actor.SWITCHBOARD, details);
				}
				else {
					log.info("{} {} of {} accepted by {}", entry.action(), page.dedupKey(), page.principal(), entry.channel());
				}
			}
			case REFUSED -> {
				store.finish(entry.id(), "failed", attempts, outcome.status(), outcome.detail(), now);
				failed(entry, page, outcome, attempts, "refused, not retried (configuration error): " + outcome.detail(),
						recorder);
			}
			case RETRY -> {
				if (Duration.between(entry.createdAt(), now).compareTo(properties.retry().giveUpAfter()) >= 0) {
					store.finish(entry.id(), "failed", attempts, outcome.status(), outcome.detail(), now);
					failed(entry, page, outcome, attempts, "gave up after " + attempts + " tries: " + outcome.detail(), recorder);
				}
				else {
					Instant next = now.plus(backoff(attempts));
					log.warn("{} of {} via {} failed ({}); retry {} at {}", entry.action(), page.dedupKey(), entry.channel(),
							outcome.detail(), attempts + 1, next);
					store.retryAt(entry.id(), attempts, outcome.status(), outcome.detail(), next);
				}
			}
		}
	}

	private void failed(OutboxEntry entry, Page page, Outcome outcome, int attempts, String why,
			PagingEvents.Recorder recorder) {
		if (!"trigger".equals(entry.action())) {
			log.error("{} of {} via {} {}", entry.action(), page.dedupKey(), entry.channel(), why);
			return;
		}
		Map<String, Object> details = details(page, entry, outcome, attempts);
		details.put("result", "page to " + page.principal() + " via " + entry.channel() + " " + why);
		recorder.record(EventType.PAGE_FAILED, Actor.SWITCHBOARD, details);
		List<OutboxEntry> triggers = store.outboxOf(page.id()).stream().filter(e -> "trigger".equals(e.action())).toList();
		boolean allFailed = triggers.stream().allMatch(e -> e.id() == entry.id() || "failed".equals(e.state()));
		if (allFailed && !"acknowledged".equals(page.state()) && !"resolved".equals(page.state())) {
			store.pageState(page.id(), "undelivered", null);
			Map<String, Object> loud = new LinkedHashMap<>();
			loud.put("principal", page.principal());
			loud.put("people", page.people());
			loud.put("dedupKey", page.dedupKey());
			loud.put("result", "NOT delivered: every pager failed for " + page.principal() + " " + page.people()
					+ "; reach them another way");
			recorder.record(EventType.PAGE_UNDELIVERED, Actor.SWITCHBOARD, loud);
		}
	}

	private static Map<String, Object> details(Page page, OutboxEntry entry, Outcome outcome, int attempts) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("principal", page.principal());
		details.put("people", page.people());
		details.put("via", entry.channel());
		details.put("dedupKey", page.dedupKey());
		details.put("status", outcome.status());
		details.put("attempts", attempts);
		return details;
	}

	/** Exponential from {@code retry.first}, capped at {@code retry.max}, with "equal jitter" (half fixed, half random). */
	Duration backoff(int attempts) {
		Duration first = properties.retry().first();
		Duration max = properties.retry().max();
		long millis = first.toMillis() << Math.min(attempts - 1, 20);
		millis = Math.min(millis, max.toMillis());
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}
}
