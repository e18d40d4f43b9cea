package dev.switchboard.incident;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.internal.People;
import dev.switchboard.system.LimitsProperties;

/** Notes, severity, commander, chat reference, mitigation and resolution. */
@Service
public class IncidentUpdates {

	private final IncidentTransactions transactions;

	private final CatalogRegistry catalogs;

	private final LimitsProperties limits;

	public IncidentUpdates(IncidentTransactions transactions, CatalogRegistry catalogs, LimitsProperties limits) {
		this.transactions = transactions;
		this.catalogs = catalogs;
		this.limits = limits;
	}

	public Applied<Incident> note(long id, String text, Actor actor, String requestKey) {
		People.requirePerson(ownership(), actor);
		if (text == null || text.isBlank()) {
			throw new IncidentException(Code.INVALID_REQUEST, "a note needs some text");
		}
		TextLimits.require("note", text, limits.note());
		return transactions.change(id, requestKey, (incident, change) -> {
			change.record(EventType.NOTE, actor, incident.currentStep(), Map.of("text", text.strip()));
			return incident;
		});
	}

	public Applied<Incident> severity(long id, String severity, Actor actor, String requestKey) {
		People.requirePerson(ownership(), actor);
		String sev = severity == null ? "" : severity.trim().toLowerCase(Locale.ROOT);
		if (!Declarations.SEVERITIES.contains(sev)) {
			throw new IncidentException(Code.INVALID_REQUEST, "unknown severity '" + severity + "': use sev1..sev4");
		}
		return transactions.change(id, requestKey, (incident, change) -> {
			Walk.requireOpen(incident);
			if (incident.severity().equals(sev)) {
				return incident;
			}
			change.record(EventType.SEVERITY_CHANGED, actor, incident.currentStep(),
					Map.of("from", incident.severity(), "to", sev));
			Incident changed = incident.withSeverity(sev);
			change.update(changed);
			return changed;
		});
	}

	public Applied<Incident> commander(long id, String personId, Actor actor, String requestKey) {
		Ownership ownership = ownership();
		People.requirePerson(ownership, actor);
		People.requirePerson(ownership, new Actor(personId));
		return transactions.change(id, requestKey, (incident, change) -> {
			Walk.requireOpen(incident);
			if (incident.commander().equals(personId)) {
				return incident;
			}
			change.record(EventType.COMMANDER_CHANGED, actor, incident.currentStep(),
					Map.of("from", incident.commander(), "to", personId));
			Incident changed = incident.withCommander(personId);
			change.update(changed);
			return changed;
		});
	}

	public Applied<Incident> mitigate(long id, String summary, Actor actor, String requestKey) {
		People.requirePerson(ownership(), actor);
		TextLimits.require("summary", summary, limits.summary());
		return transactions.change(id, requestKey, (incident, change) -> {
			Walk.requireOpen(incident);
			if (incident.status() != IncidentStatus.OPEN) {
				return incident;
			}
			change.record(EventType.MITIGATED, actor, incident.currentStep(), summary(summary));
			Incident changed = incident.withStatus(IncidentStatus.MITIGATED, change.now());
			change.update(changed);
			return changed;
		});
	}

	public Applied<Incident> resolve(long id, String summary, Actor actor, String requestKey) {
		People.requirePerson(ownership(), actor);
		TextLimits.require("summary", summary, limits.summary());
		return transactions.change(id, requestKey, (incident, change) -> {
			Walk.requireOpen(incident);
			change.record(EventType.RESOLVED, actor, incident.currentStep(), summary(summary));
			Incident changed = incident.withStatus(IncidentStatus.RESOLVED, change.now());
			change.update(changed);
			return changed;
		});
	}

	/**
	 * Records a drill event (facilitator control, injected surprise, fact asked, end) in a drill's
	 * timeline; refused on a real incident and for any other event type.
	 */
	public Applied<Incident> drillEvent(long id, EventType type, Actor actor, Map<String, Object> details,
			String requestKey) {
		if (!type.drillOnly()) {
			throw new IllegalArgumentException(type.wire() + " is not a drill event");
		}
		if (type == EventType.DRILL_FACT_ASKED && details.get("key") instanceof String key) {
			TextLimits.require("fact", key, limits.fact());
		}
		return transactions.change(id, requestKey, (incident, change) -> {
			if (!incident.drill()) {
				throw new IncidentException(Code.INVALID_REQUEST, incident.humanId() + " is not a drill");
			}
			change.record(type, actor, incident.currentStep(), details);
			return incident;
		});
	}

	/** Records where the incident lives in chat (channel, status and step message ids). */
	public Applied<Incident> chat(long id, ChatRef chat) {
		return transactions.change(id, null, (incident, change) -> {
			Incident changed = incident.withChat(chat);
			change.update(changed);
			return changed;
		});
	}

	private static Map<String, Object> summary(String summary) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (summary != null && !summary.isBlank()) {
			details.put("summary", summary.strip());
		}
		return details;
	}

	private Ownership ownership() {
		return catalogs.current().ownership();
	}
}
