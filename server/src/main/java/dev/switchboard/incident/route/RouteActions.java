package dev.switchboard.incident.route;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.internal.TimelineStore;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.incident.internal.ActionHistory;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.internal.IncidentTransactions;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Walk;

/**
 * Route changes asked for from a runbook step ({@code gateway flip|restore|disable|enable}): the
 * request and its authorization in one short transaction, a second approver bound to the exact
 * plan where the service's tier needs one, then {@link RouteChangeRunner}. Refusals are recorded
 * and explained; nothing touches the gateway's routes before they are cleared.
 */
@Service
public class RouteActions {

	private record Request(String step, String text, RouteCommand command, dev.switchboard.ownership.Service service,
			Gateway gateway, boolean refused, boolean secondApprover, String requestedBy) {
	}

	private final IncidentTransactions transactions;

	private final Incidents incidents;

	private final TimelineStore timeline;

	private final CatalogRegistry catalogs;

	private final GatewayRegistry gateways;

	private final RouteProposals proposals;

	private final RouteChangeRunner runner;

	RouteActions(IncidentTransactions transactions, Incidents incidents, TimelineStore timeline, CatalogRegistry catalogs,
			GatewayRegistry gateways, RouteProposals proposals, RouteChangeRunner runner) {
		this.transactions = transactions;
		this.incidents = incidents;
		this.timeline = timeline;
		this.catalogs = catalogs;
		this.gateways = gateways;
		this.proposals = proposals;
		this.runner = runner;
	}

	public Applied<Incident> run(long id, String step, int index, Actor actor, String requestKey) {
		Ownership ownership = catalogs.current().ownership();
		Applied<Request> asked = transactions.change(id, requestKey, (incident, change) -> {
			Request r = request(incident, step, index, ownership);
			ActionHistory history = ActionHistory.of(timeline.list(id), r.step(), index);
			if (history.running() || history.succeeded()) {
				throw new IncidentException(Code.ACTION_UNAVAILABLE, "'" + r.text() + "' "
						+ (history.running() ? "is running now; wait for its outcome"
								: "already succeeded on this step; to undo it, restore the route"));
			}
			Map<String, Object> base = RouteEvents.base(index, r.text(), r.gateway(), r.command());
			change.record(EventType.ACTION_REQUESTED, actor, r.step(), base);
			Optional<String> refusal = RouteGuard.refuseRequest(ownership, incident, r.command(), r.service(), actor,
					r.gateway());
			refusal.ifPresent(reason -> change.record(EventType.ACTION_REFUSED, actor, r.step(),
					RouteEvents.with(base, "result", reason)));
			return new Request(r.step(), r.text(), r.command(), r.service(), r.gateway(), refusal.isPresent(),
					r.secondApprover(), actor.personId());
		});
		if (asked.replayed() || asked.result().refused()) {
			return new Applied<>(incidents.get(id), asked.replayed());
		}
		Request r = asked.result();
		RouteProposal p = propose(id, index, r, actor);
		if (p == null) {
			return new Applied<>(incidents.get(id), false);
		}
		if (r.secondApprover() && !p.refused() && !p.nothingToDo()) {
			Map<String, Object> details = RouteEvents.base(index, r.text(), p);
			details.put("result", "awaiting a second authorized person (not " + name(ownership, actor) + ") to approve: "
					+ p.summary());
			return record(id, EventType.APPROVAL_REQUESTED, actor, r.step(), details);
		}
		return runner.execute(id, r.step(), index, r.text(), p, actor, null);
	}

	public Applied<Incident> approve(long id, String step, int index, String planHash, Actor approver, String requestKey) {
		Ownership ownership = catalogs.current().ownership();
		Applied<Request> approved = transactions.change(id, requestKey, (incident, change) -> {
			Request r = request(incident, step, index, ownership);
			PendingApprovals.PendingApproval pending = PendingApprovals.of(timeline.list(id), r.step(), index)
				.orElseThrow(() -> new IncidentException(Code.ACTION_UNAVAILABLE,
						"nothing awaits approval on action " + index + " ('" + r.text() + "')"));
			Map<String, Object> base = RouteEvents.base(index, r.text(), r.gateway(), r.command());
			Optional<String> refusal = RouteGuard.refuseApproval(ownership, r.service(), approver, pending, planHash)
				.or(() -> RouteGuard.refuseGateway(incident, r.command(), r.gateway()));
			if (refusal.isPresent()) {
				base.remove("action"); // a refused approval leaves the request waiting for a valid one
				base.put("approvalOf", String.valueOf(index));
				base.put("planHash", planHash == null ? "" : planHash);
				change.record(EventType.ACTION_REFUSED, approver, r.step(), RouteEvents.with(base, "result",
						"approval refused: " + refusal.get()));
				return new Request(r.step(), r.text(), r.command(), r.service(), r.gateway(), true, true, null);
			}
			base.put("plan", pending.summary());
			base.put("planHash", pending.planHash());
			base.put("requestedBy", pending.requestedBy());
			base.put("approvedBy", approver.personId());
			base.put("result", "approved by " + name(ownership, approver) + ": " + pending.summary());
			change.record(EventType.ACTION_APPROVED, approver, r.step(), base);
			return new Request(r.step(), r.text(), r.command(), r.service(), r.gateway(), false, true, pending.requestedBy());
		});
		if (approved.replayed() || approved.result().refused()) {
			return new Applied<>(incidents.get(id), approved.replayed());
		}
		Request r = approved.result();
		RouteProposal p = propose(id, index, r, approver);
		if (p == null) {
			return new Applied<>(incidents.get(id), false);
		}
		if (!p.refused() && !p.nothingToDo() && !p.hash().equals(planHash)) {
			Map<String, Object> details = RouteEvents.base(index, r.text(), p);
			details.put("result", "the route changed after the plan was approved (now: " + p.summary()
					+ "); nothing was changed: ask for the change again");
			return record(id, EventType.ACTION_FAILED, approver, r.step(), details);
		}
		return runner.execute(id, r.step(), index, r.text(), p, approver, r.requestedBy());
	}

	/** The route action asked for, checked against the incident under its lock. */
	private Request request(Incident incident, String step, int index, Ownership ownership) {
		Walk.requireOpen(incident);
		StepActions.StepAction at = StepActions.actionAt(incidents, incident, step, index);
		RouteCommand command = RouteCommand.of(at.action().command())
			.orElseThrow(() -> new IncidentException(Code.ACTION_UNAVAILABLE,
					"action " + index + " of '" + at.step().id() + "' does not change a route"));
		var service = ownership.serviceByRoute(command.route()).orElse(null);
		Gateway gateway = gateways.forRoute(command.route(), incident.drill());
		return new Request(at.step().id(), at.action().text(), command, service, gateway, false,
				service != null && ownership.requiresSecondApprover(service.id()), null);
	}

	/** Reads and plans on the gateway; a gateway that cannot do so fails the action honestly. */
	private RouteProposal propose(long id, int index, Request r, Actor actor) {
		try {
			return proposals.propose(incidents.get(id), r.command(), r.service(), r.gateway());
		}
		catch (GatewayException ex) {
			Map<String, Object> details = RouteEvents.base(index, r.text(), r.gateway(), r.command());
			details.put("reason", ex.reason().name());
			details.put("result", Redaction.text("could not plan '" + r.text() + "': " + ex.getMessage()
					+ "; nothing was changed"));
			record(id, EventType.ACTION_FAILED, actor, r.step(), details);
			return null;
		}
	}

	private Applied<Incident> record(long id, EventType type, Actor actor, String step, Map<String, Object> details) {
		return transactions.change(id, null, (incident, change) -> {
			change.record(type, actor, step, details);
			return incident;
		});
	}

	private static String name(Ownership ownership, Actor actor) {
		return ownership.person(actor.personId()).map(Person::name).orElse(actor.personId());
	}
}
