package dev.switchboard.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.internal.RunbookVersions;
import dev.switchboard.lint.NearestNames;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.internal.People;

/** Declaring an incident: find the runbook, pin its version, engage the owners the severity calls for. */
@Service
public class Declarations {

	static final Set<String> SEVERITIES = Set.of("sev1", "sev2", "sev3", "sev4");

	private final CatalogRegistry catalogs;

	private final RunbookVersions versions;

	private final IncidentTransactions transactions;

	private final Clock clock;

	public Declarations(CatalogRegistry catalogs, RunbookVersions versions, IncidentTransactions transactions,
			Clock clock) {
		this.catalogs = catalogs;
		this.versions = versions;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What to declare.
	 * @param runbook id, alias or a close misspelling of either
	 * @param severity sev1..sev4, or null for the runbook's default
	 * @param service a service id, or null (the runbook's only service, if it has one)
	 */
	public record Request(String runbook, String severity, String service, boolean drill, ChatRef chat) {
	}

	public Applied<Incident> declare(Request request, Actor actor, String requestKey) {
		Catalog catalog = catalogs.current();
		Ownership ownership = catalog.ownership();
		People.requirePerson(ownership, actor);
		Runbook runbook = find(catalog, request.runbook());
		String severity = request.severity() == null || request.severity().isBlank() ? runbook.severity()
				: request.severity().trim().toLowerCase(java.util.Locale.ROOT);
		if (!SEVERITIES.contains(severity)) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
					"unknown severity '" + request.severity() + "': use sev1, sev2, sev3 or sev4");
		}
		String service = request.service();
		if (service != null && !service.isBlank()) {
			if (ownership.service(service).isEmpty()) {
				throw new IncidentException(IncidentException.Code.UNKNOWN_SERVICE, "unknown service '" + service + "'"
						+ NearestNames.hint(service, ownership.services().stream().map(s -> s.id()).toList()));
			}
		}
		else {
			service = runbook.services().size() == 1 ? runbook.services().get(0) : null;
		}
		String source = catalog.source(runbook.version().sha256())
			.orElseThrow(() -> new IllegalStateException("no text for runbook " + runbook.id()));
		Instant now = IncidentTransactions.now(clock);
		versions.store(runbook, source, now);
		String title = (request.drill() ? "DRILL: " : "") + runbook.title() + (service == null ? "" : " — " + service);
		Incident draft = new Incident(0, title, runbook.id(), runbook.version().sha256(), runbook.version().sha256(),
				runbook.steps().get(0).id(), severity, service, actor.personId(), IncidentStatus.OPEN, request.drill(),
				request.chat() == null ? ChatRef.NONE : request.chat(), now, null, null, null, now, 0, 0);
		String finalService = service;
		return transactions.create(draft, requestKey, (incident, change) -> {
			Map<String, Object> declared = new LinkedHashMap<>();
			declared.put("runbook", runbook.id());
			declared.put("sha256", runbook.version().sha256());
			if (runbook.version().commit() != null) {
				declared.put("commit", runbook.version().commit());
			}
			declared.put("severity", severity);
			if (finalService != null) {
				declared.put("service", finalService);
			}
			declared.put("drill", request.drill());
			declared.put("commander", actor.personId());
			if (!runbook.id().equalsIgnoreCase(request.runbook().trim())) {
				declared.put("asked", request.runbook().trim());
			}
			change.record(EventType.DECLARED, actor, null, declared);
			engage(ownership, severity, now).forEach(details -> change.record(EventType.MENTION_SENT, Actor.SWITCHBOARD,
					null, details));
			change.record(EventType.STEP_ENTERED, actor, runbook.steps().get(0).id(), Map.of("via", "declare"));
			return null;
		});
	}

	/** One mention event per principal the severity pages, naming who holds it now. */
	private static List<Map<String, Object>> engage(Ownership ownership, String severity, Instant now) {
		List<Map<String, Object>> out = new ArrayList<>();
		ownership.escalationFor(severity, now).ifPresent(plan -> plan.page().forEach(engaged -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("principal", engaged.principal());
			details.put("people", engaged.people().stream().map(Person::id).toList());
			details.put("reason", "escalation " + severity + ": page");
			out.add(details);
		}));
		return out;
	}

	/** By id or alias, else by a unique close match, else a refusal listing the three nearest runbooks. */
	static Runbook find(Catalog catalog, String name) {
		if (name == null || name.isBlank()) {
			throw new IncidentException(IncidentException.Code.UNKNOWN_RUNBOOK, "which runbook? "
					+ catalog.allRunbooks().stream().map(Runbook::id).toList(),
					Map.of("suggestions", catalog.allRunbooks().stream().map(Runbook::id).limit(3).toList()));
		}
		var exact = catalog.byIdOrAlias(name);
		if (exact.isPresent()) {
			return exact.get();
		}
		Map<String, Runbook> names = new LinkedHashMap<>();
		for (Runbook r : catalog.allRunbooks()) {
			names.put(r.id(), r);
			r.aliases().forEach(a -> names.putIfAbsent(a.toLowerCase(java.util.Locale.ROOT), r));
		}
		String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
		List<String> nearest = NearestNames.nearest(wanted, names.keySet(), names.size());
		if (!nearest.isEmpty() && NearestNames.close(wanted, nearest.get(0))
				&& (nearest.size() == 1 || !NearestNames.close(wanted, nearest.get(1))
						|| names.get(nearest.get(0)) == names.get(nearest.get(1)))) {
			return names.get(nearest.get(0));
		}
		List<String> suggestions = nearest.stream().map(n -> names.get(n).id()).distinct().limit(3).toList();
		throw new IncidentException(IncidentException.Code.UNKNOWN_RUNBOOK,
				"no runbook '" + name + "'; did you mean " + String.join(", ", suggestions) + "?",
				Map.of("suggestions", suggestions));
	}
}
