package dev.switchboard.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.runbook.Action;
import dev.switchboard.runbook.ActionCommand;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;
import dev.switchboard.incident.route.RouteActions;
import dev.switchboard.incident.route.RouteCommand;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.internal.People;

/** Running the actions of the current step: pages, notifications, vendor facts, human queues, route changes. */
@Service
public class StepActions {

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final RouteActions routes;

	StepActions(IncidentTransactions transactions, Incidents incidents, CatalogRegistry catalogs, RouteActions routes) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.routes = routes;
	}

	/** An action of the current step. */
	public record StepAction(Step step, Action action) {
	}

	/**
	 * Runs action {@code index} (1-based) of step {@code step}, which must be the current step. Route
	 * changes ({@code gateway …}) go through {@link RouteActions}: authorized, approved where needed,
	 * applied once, read back and verified, without holding the incident's lock during gateway calls.
	 */
	public Applied<Incident> run(long id, String step, int index, Actor actor, String requestKey) {
		Ownership ownership = catalogs.current().ownership();
		People.requirePerson(ownership, actor);
		if (changesRoute(id, step, index)) {
			return routes.run(id, step, index, actor, requestKey);
		}
		return transactions.change(id, requestKey, (incident, change) -> {
			Walk.requireOpen(incident);
			StepAction located = actionAt(incidents, incident, step, index);
			Step at = located.step();
			Action action = located.action();
			Map<String, Object> base = new LinkedHashMap<>();
			base.put("action", String.valueOf(index));
			base.put("text", action.text());
			change.record(EventType.ACTION_REQUESTED, actor, at.id(), base);
			ActionCommand command = action.command();
			if (command instanceof ActionCommand.Page page) {
				change.record(EventType.PAGE_SENT, actor, at.id(), engaged(base, ownership, page.who(), change));
			}
			else if (command instanceof ActionCommand.Notify notify) {
				change.record(EventType.MENTION_SENT, actor, at.id(), engaged(base, ownership, notify.who(), change));
			}
			else if (command instanceof ActionCommand.VendorInfo vendor) {
				String result = ownership.vendor(vendor.vendor())
					.map(v -> v.name() + ": status " + v.statusPage() + (v.accountId() == null ? "" : ", account " + v.accountId()))
					.orElse("vendor " + vendor.vendor() + " is no longer in ownership.yaml");
				change.record(EventType.ACTION_SUCCEEDED, actor, at.id(), with(base, "result", result));
			}
			else if (command instanceof ActionCommand.HumanQueue queue) {
				String result = ownership.service(queue.service())
					.map(s -> "work of " + s.id() + " goes to " + s.humanQueue())
					.orElse("service " + queue.service() + " is no longer in ownership.yaml");
				change.record(EventType.ACTION_SUCCEEDED, actor, at.id(), with(base, "result", result));
			}
			else if (command instanceof ActionCommand.Invalid invalid) {
				change.record(EventType.ACTION_FAILED, actor, at.id(), with(base, "result", invalid.reason()));
			}
			else {
				// reachable only when the step changed between the unlocked look-up and the lock
				throw new IncidentException(Code.ACTION_UNAVAILABLE, "'" + action.text() + "' changed meanwhile; try again");
			}
			return incident;
		});
	}

	/**
	 * Approves a route change waiting for a second approver: {@code planHash} must be the exact plan
	 * waiting, and the approver an authorized person other than the one who asked. Then the change runs.
	 */
	public Applied<Incident> approve(long id, String step, int index, String planHash, Actor actor, String requestKey) {
		People.requirePerson(catalogs.current().ownership(), actor);
		return routes.approve(id, step, index, planHash, actor, requestKey);
	}

	/** Looked up without the lock; a stale or invalid request goes the usual way (replayed or refused there). */
	private boolean changesRoute(long id, String step, int index) {
		try {
			return RouteCommand.of(actionAt(incidents, incidents.get(id), step, index).action().command()).isPresent();
		}
		catch (IncidentException ex) {
			return false;
		}
	}

	public static StepAction actionAt(Incidents incidents, Incident incident, String step, int index) {
		Runbook runbook = incidents.runbook(incident);
		Step at = runbook.step(incident.currentStep()).orElseThrow();
		if (step != null && !at.answersTo(step)) {
			throw new IncidentException(Code.STEP_ALREADY_DECIDED,
					incident.humanId() + " has moved on from '" + step + "' to '" + at.id() + "'");
		}
		if (index < 1 || index > at.actions().size()) {
			throw new IncidentException(Code.ACTION_UNAVAILABLE,
					"step '" + at.id() + "' has no action " + index + " (it has " + at.actions().size() + ")");
		}
		return new StepAction(at, at.actions().get(index - 1));
	}

	private static Map<String, Object> engaged(Map<String, Object> base, Ownership ownership, String principal,
			IncidentTransactions.Change change) {
		Map<String, Object> details = new LinkedHashMap<>(base);
		details.put("principal", principal);
		details.put("people", ownership.peopleNow(principal, change.now()).stream().map(Person::id).toList());
		return details;
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> details = new LinkedHashMap<>(base);
		details.put(key, value);
		return details;
	}
}
