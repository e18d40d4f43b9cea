package dev.switchboard.paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.PagingEvents;
import dev.switchboard.ownership.EscalationLevel;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.paging.internal.OutboxEntry;
import dev.switchboard.paging.internal.Page;
import dev.switchboard.paging.internal.PageStore;
import dev.switchboard.paging.internal.PageTimer;

/**
 * Escalation chains: a severity's policy (chain {@code sev1}: {@code page}, then {@code escalate_to}
 * after {@code ack_timeout}, repeated {@code repeat} times) or a runbook's {@code page X} (chain
 * {@code page:X}: X, then the severity's {@code escalate_to}). Each level's pages and their outbox
 * calls are written under the incident's lock with the timer of the level, so a timer fires once
 * across replicas and survives a restart.
 */
@Service
public class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	static final String PAGE_CHAIN = "page:";

	private final PageStore store;

	private final PagingEvents events;

	private final Pagers pagers;

	private final CatalogRegistry catalogs;

	private final Clock clock;

	Escalations(PageStore store, PagingEvents events, Pagers pagers, CatalogRegistry catalogs, Clock clock) {
		this.store = store;
		this.events = events;
		this.pagers = pagers;
		this.catalogs = catalogs;
		this.clock = clock;
	}

	/** Pages the first level of a chain (on declaration, or a runbook's {@code page X}). */
	public void start(long incidentId, String chain) {
		events.change(incidentId, null, (incident, recorder) -> {
			page(incident, chain, 1, recorder);
			return null;
		});
	}

	/** Fires every timer due now: pages the next level unless someone acknowledged. Returns how many escalated. */
	public int fireDue() {
		int escalated = 0;
		for (PageTimer timer : store.dueTimers(clock.instant())) {
			try {
				escalated += events.change(timer.incidentId(), null, (incident, recorder) -> fire(timer, incident, recorder))
					.result() ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.error("escalation timer {} of incident {} failed; it is tried again", timer.id(), timer.incidentId(), ex);
			}
		}
		return escalated;
	}

	private boolean fire(PageTimer timer, Incident incident, PagingEvents.Recorder recorder) {
		Instant now = recorder.now();
		boolean acknowledged = store.pagesOf(incident.id()).stream()
			.anyMatch(p -> p.chain().equals(timer.chain()) && p.acknowledged());
		if (!incident.open() || acknowledged) {
			store.claimTimer(timer.id(), "stopped", now);
			return false;
		}
		// under the incident's lock: a second replica arriving here finds the timer already fired
		if (!store.claimTimer(timer.id(), "fired", now)) {
			return false;
		}
		Ownership ownership = catalogs.current().ownership();
		List<String> next = principals(ownership, incident.severity(), timer.chain(), timer.level() + 1);
		if (next.isEmpty()) {
			return false;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("chain", timer.chain());
		details.put("level", timer.level() + 1);
		details.put("principals", next);
		details.put("result", "nobody acknowledged " + describe(timer.chain()) + " within "
				+ timeout(ownership, incident.severity()).map(Escalations::human).orElse("its timeout") + ": paging "
				+ String.join(", ", next));
		recorder.record(EventType.ESCALATED, Actor.SWITCHBOARD, details);
		page(incident, timer.chain(), timer.level() + 1, recorder);
		return true;
	}

	/** Writes the pages of one level, their outbox calls and the level's timer. */
	private void page(Incident incident, String chain, int level, PagingEvents.Recorder recorder) {
		Ownership ownership = catalogs.current().ownership();
		Instant now = recorder.now();
		for (String principal : principals(ownership, incident.severity(), chain, level)) {
			List<Person> people = ownership.peopleNow(principal, now);
			String dedupKey = "switchboard/" + incident.humanId() + "/" + principal;
			Optional<Page> inserted = store.insertPage(incident.id(), chain, level, principal,
					people.stream().map(Person::id).toList(), dedupKey, now);
			if (inserted.isEmpty()) {
				continue;
			}
			PageTarget target = new PageTarget(principal, people, incident.service(), ownership);
			List<String> reached = new ArrayList<>();
			for (Pager pager : pagers.forTarget(target)) {
				for (String address : pager.addresses(target)) {
					store.enqueue(inserted.get().id(), pager.name(), address, "trigger", now);
					reached.add(pager.name());
				}
			}
			if (reached.isEmpty()) {
				store.pageState(inserted.get().id(), "undelivered", null);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("principal", principal);
				details.put("people", people.stream().map(Person::id).toList());
				details.put("result", "NOT delivered: no configured pager reaches " + principal
						+ (people.isEmpty() ? " (nobody holds it now)" : " " + people.stream().map(Person::id).toList()));
				recorder.record(EventType.PAGE_UNDELIVERED, Actor.SWITCHBOARD, details);
			}
		}
		if (!principals(ownership, incident.severity(), chain, level + 1).isEmpty()) {
			timeout(ownership, incident.severity()).ifPresent(t -> store.startTimer(incident.id(), chain, level, now.plus(t)));
		}
	}

	/** Resolves every page of a resolved incident (resolve messages go out) and stops its timers. */
	public void resolveAll(long incidentId) {
		events.change(incidentId, null, (incident, recorder) -> {
			Instant now = recorder.now();
			for (Page page : store.pagesOf(incidentId)) {
				if (store.resolve(page.id(), now)) {
					followUp(page, "resolve", now);
				}
			}
			store.stopTimers(incidentId, now);
			return null;
		});
	}

	/** Queues an acknowledge or resolve to every pager that took this page's trigger and wants follow-ups. */
	void followUp(Page page, String action, Instant now) {
		List<String> done = new ArrayList<>();
		for (OutboxEntry e : store.outboxOf(page.id())) {
			String key = e.channel() + " " + e.address();
			if ("trigger".equals(e.action()) && !"failed".equals(e.state()) && !done.contains(key)
					&& pagers.named(e.channel()).map(Pager::followsUp).orElse(false)) {
				store.enqueue(page.id(), e.channel(), e.address(), action, now);
				done.add(key);
			}
		}
	}

	/** Whom level {@code level} of a chain pages; empty past the last level. */
	static List<String> principals(Ownership ownership, String severity, String chain, int level) {
		Optional<EscalationLevel> policy = ownership.escalation(severity);
		if (level == 1) {
			return chain.startsWith(PAGE_CHAIN) ? List.of(chain.substring(PAGE_CHAIN.length()))
					: policy.map(EscalationLevel::page).orElse(List.of());
		}
		return policy.filter(p -> level - 2 <= p.repeat()).map(EscalationLevel::escalateTo).orElse(List.of());
	}

	private static Optional<Duration> timeout(Ownership ownership, String severity) {
		return ownership.escalation(severity).map(EscalationLevel::ackTimeout);
	}

	private static String describe(String chain) {
		return chain.startsWith(PAGE_CHAIN) ? "the page of " + chain.substring(PAGE_CHAIN.length())
				: "the " + chain + " page";
	}

	static String human(Duration d) {
		if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
			return d.toHours() + "h";
		}
		return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
	}
}
