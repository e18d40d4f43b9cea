package dev.switchboard.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.internal.RunbookVersions;
import dev.switchboard.incident.internal.TimelineStore;
import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.internal.People;

/**
 * Walking the runbook: choosing one of the current step's choices, or going back to a step
 * already walked. A choice names the step it was offered on, so a late or duplicate click on a
 * step the incident has left is refused instead of applied to the wrong step.
 */
@Service
public class Walk {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final RunbookVersions versions;

	private final TimelineStore timeline;

	private final CatalogRegistry catalogs;

	public Walk(IncidentTransactions transactions, Incidents incidents, RunbookVersions versions, TimelineStore timeline,
			CatalogRegistry catalogs) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.versions = versions;
		this.timeline = timeline;
		this.catalogs = catalogs;
	}

	/**
	 * Chooses on incident {@code id}.
	 * @param step the step the choice was offered on, or null for "the current step"
	 * @param choice the choice: its number (1-based), its label, or its target step id
	 */
	public Applied<Incident> choose(long id, String step, String choice, Actor actor, String requestKey) {
		People.requirePerson(catalogs.current().ownership(), actor);
		try {
			return choose(id, step, choice, actor, requestKey, false);
		}
		catch (TargetNotStored missing) {
			// Store the target runbook's text outside the change's transaction (on PostgreSQL a
			// duplicate-key insert by a concurrent request would abort it), then choose again.
			pinExternal(missing.choice());
			return choose(id, step, choice, actor, requestKey, true);
		}
	}

	/** A choice hands over to a runbook version not stored yet: the change is rolled back to store it first. */
	private static final class TargetNotStored extends RuntimeException {

		private final transient Choice choice;

		TargetNotStored(Choice choice) {
			super(null, null, false, false);
			this.choice = choice;
		}

		Choice choice() {
			return choice;
		}
	}

	private Applied<Incident> choose(long id, String step, String choice, Actor actor, String requestKey,
			boolean storeInside) {
		return transactions.change(id, requestKey, (incident, change) -> {
			requireOpen(incident);
			Runbook walking = incidents.runbook(incident);
			Step at = walking.step(incident.currentStep()).orElseThrow();
			if (step != null && !at.answersTo(step)) {
				throw new IncidentException(Code.STEP_ALREADY_DECIDED, incident.humanId() + " has moved on from '" + step
						+ "' to '" + at.id() + "'; choose among the choices of '" + at.title() + "'",
						Map.of("currentStep", at.id()));
			}
			Choice chosen = find(at, choice);
			if (chosen == null) {
				throw new IncidentException(Code.CHOICE_NOT_OFFERED, "'" + choice + "' is not offered at step '"
						+ at.id() + "'; choices: " + labels(at), Map.of("currentStep", at.id(), "choices", labels(at)));
			}
			Runbook target = walking;
			if (chosen.external() && !chosen.runbook().equals(walking.file())) {
				target = external(chosen);
				if (!versions.stored(target.version().sha256())) {
					if (!storeInside) {
						throw new TargetNotStored(chosen);
					}
					target = pinExternal(chosen);
				}
			}
			String targetStep = chosen.step() == null ? target.steps().get(0).id() : chosen.step();
			Step next = target.step(targetStep).orElseThrow(() -> new IncidentException(Code.ACTION_UNAVAILABLE,
					"the runbook links to a step '" + chosen.target() + "' that does not exist"));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("choice", chosen.label());
			details.put("index", at.choices().indexOf(chosen) + 1);
			details.put("to", chosen.target().isEmpty() ? next.id() : chosen.target());
			if (at.decision()) {
				details.put("decision", true);
			}
			change.record(EventType.CHOICE_MADE, actor, at.id(), details);
			if (target != walking) {
				change.record(EventType.RUNBOOK_CHANGED, actor, null, Map.of("from", walking.id(), "to", target.id(),
						"sha256", target.version().sha256()));
			}
			change.record(EventType.STEP_ENTERED, actor, next.id(), Map.of("via", "choice"));
			Incident moved = incident.withStep(target.version().sha256(), next.id(), change.now());
			if (at.decision()) {
				moved = moved.withFirstDecision(change.now());
			}
			if (next.terminal() && moved.status() == IncidentStatus.OPEN
					&& ("mitigated".equals(next.resolution()) || "resolved".equals(next.resolution()))) {
				change.record(EventType.MITIGATED, actor, next.id(), Map.of("resolution", next.resolution()));
				moved = moved.withStatus(IncidentStatus.MITIGATED, change.now());
			}
			change.update(moved);
			return moved;
		});
	}

	/** Goes back to {@code toStep} (a step already walked in this runbook), or to the previous step when null. */
	public Applied<Incident> back(long id, String toStep, Actor actor, String requestKey) {
		People.requirePerson(catalogs.current().ownership(), actor);
		return transactions.change(id, requestKey, (incident, change) -> {
			requireOpen(incident);
			List<String> path = Incidents.path(incident, timeline.list(id));
			int here = path.lastIndexOf(incident.currentStep());
			String target = toStep;
			if (target == null) {
				if (here <= 0) {
					throw new IncidentException(Code.INVALID_REQUEST, "already at the first step walked");
				}
				target = path.get(here - 1);
			}
			else if (!path.subList(0, Math.max(here, 0)).contains(target)) {
				throw new IncidentException(Code.INVALID_REQUEST, "'" + toStep + "' is not a step walked before '"
						+ incident.currentStep() + "'; walked: " + path);
			}
			change.record(EventType.BACKTRACKED, actor, incident.currentStep(), Map.of("to", target));
			change.record(EventType.STEP_ENTERED, actor, target, Map.of("via", "back"));
			Incident moved = incident.withStep(incident.currentRunbookSha256(), target, change.now());
			change.update(moved);
			return moved;
		});
	}

	private Runbook external(Choice choice) {
		return catalogs.current()
			.allRunbooks()
			.stream()
			.filter(r -> r.file().equals(choice.runbook()))
			.findFirst()
			.orElseThrow(() -> new IncidentException(Code.ACTION_UNAVAILABLE,
					"runbook " + choice.runbook() + " is not available on this server"));
	}

	private Runbook pinExternal(Choice choice) {
		var catalog = catalogs.current();
		Runbook other = external(choice);
		versions.store(other, catalog.source(other.version().sha256()).orElseThrow(), catalog.loadedAt());
		return other;
	}

	public static void requireOpen(Incident incident) {
		if (incident.status() == IncidentStatus.RESOLVED) {
			throw new IncidentException(Code.INCIDENT_RESOLVED, incident.humanId() + " is resolved");
		}
	}

	private static Choice find(Step step, String choice) {
		return step.choice(choice).orElse(null);
	}

	private static List<String> labels(Step step) {
		return step.choices().stream().map(Choice::label).toList();
	}
}
