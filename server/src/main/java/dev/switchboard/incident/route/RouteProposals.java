package dev.switchboard.incident.route;

import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.DriftReport;
import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.LastKnownGood;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteSnapshots;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.incident.route.internal.FlipLease;
import dev.switchboard.incident.route.internal.FlipLeases;
import dev.switchboard.ownership.Service;
import dev.switchboard.incident.Incident;

/**
 * Works out a route change against the live route: reads it, stores the snapshot, plans. Calls the
 * gateway, so it runs outside any incident transaction; it writes nothing on the gateway.
 */
@Component
class RouteProposals {

	private final RouteSnapshots snapshots;

	private final LastKnownGood lastKnownGood;

	private final FlipLeases leases;

	RouteProposals(RouteSnapshots snapshots, LastKnownGood lastKnownGood, FlipLeases leases) {
		this.snapshots = snapshots;
		this.lastKnownGood = lastKnownGood;
		this.leases = leases;
	}

	/** @throws GatewayException when the gateway cannot be read or refuses to plan */
	RouteProposal propose(Incident incident, RouteCommand command, Service service, Gateway gateway) {
		RouteState live = gateway.read(command.route());
		RouteSnapshot before = snapshots.store(gateway.kind(), live, "before " + command.text() + " in " + incident.humanId());
		return switch (command.kind()) {
			case FLIP -> flip(command, service, gateway, before);
			case DISABLE -> disable(command, service, gateway, before);
			case ENABLE -> enable(command, service, gateway, before);
			case RESTORE -> restore(command, service, gateway, before);
		};
	}

	private static RouteProposal flip(RouteCommand command, Service service, Gateway gateway, RouteSnapshot before) {
		String model = service.target(command.target());
		FlipPlan plan = gateway.plan(command.route(), model);
		return new RouteProposal(command, gateway, service, plan.summary(), plan.hash(), plan, before, null, null, model,
				plan.to(), null, null);
	}

	private static RouteProposal disable(RouteCommand command, Service service, Gateway gateway, RouteSnapshot before) {
		RouteState live = before.state();
		if (live.activeTarget() == null) {
			return RouteProposal.noop(command, gateway, service, before, command.route() + " is already disabled: nothing serves it");
		}
		String summary = command.route() + ": disable " + live.activeTarget() + " (fail closed: callers get an error)";
		return new RouteProposal(command, gateway, service, summary,
				Fingerprint.of("disable", gateway.kind(), command.route(), live.activeTarget(), live.fingerprint()), null,
				before, null, null, live.activeTarget(), null, null, null);
	}

	private RouteProposal enable(RouteCommand command, Service service, Gateway gateway, RouteSnapshot before) {
		RouteState live = before.state();
		if (live.activeTarget() != null) {
			return RouteProposal.noop(command, gateway, service, before, command.route() + " is already served by "
					+ live.activeTarget());
		}
		Optional<String> disabledBySwitchboard = leases.openFor(gateway.kind(), command.route())
			.filter(l -> l.kind().equals("disable"))
			.flatMap(l -> snapshots.find(l.beforeSnapshot()))
			.map(s -> s.state().activeTarget());
		Optional<String> target = disabledBySwitchboard.or(() -> live.targets()
			.stream()
			.filter(t -> !t.enabled())
			.map(RouteState.Target::model)
			.findFirst());
		if (target.isEmpty()) {
			return RouteProposal.refused(command, gateway, service, before, command.route()
					+ " serves nothing, yet none of its targets is disabled: check the gateway by hand");
		}
		String summary = command.route() + ": enable " + target.get() + " (serving again)";
		return new RouteProposal(command, gateway, service, summary,
				Fingerprint.of("enable", gateway.kind(), command.route(), target.get(), live.fingerprint()), null, before,
				null, null, target.get(), target.get(), null, null);
	}

	private RouteProposal restore(RouteCommand command, Service service, Gateway gateway, RouteSnapshot before) {
		RouteState live = before.state();
		Optional<FlipLease> lease = leases.openFor(gateway.kind(), command.route());
		if (lease.isEmpty()) {
			Optional<RouteSnapshot> good = lastKnownGood.of(gateway.kind(), command.route());
			if (good.isEmpty()) {
				return RouteProposal.noop(command, gateway, service, before,
						"nothing to restore: no change Switchboard made on " + command.route() + " is in effect");
			}
			if (good.get().state().fingerprint().equals(live.fingerprint())) {
				return RouteProposal.noop(command, gateway, service, before, command.route()
						+ " is already on its last-known-good (" + name(live.activeTarget()) + ")");
			}
			return RouteProposal.refused(command, gateway, service, before, command.route()
					+ " differs from its last-known-good and no change made by Switchboard explains it: "
					+ String.join("; ", DriftReport.between(good.get().state(), live))
					+ ". Nothing was restored; fix the route on the gateway by hand or flip it.");
		}
		RouteSnapshot restoreTo = snapshots.find(lease.get().restoreSnapshot()).orElseThrow();
		RouteState expected = snapshots.find(lease.get().afterSnapshot()).orElseThrow().state();
		if (!expected.fingerprint().equals(live.fingerprint())) {
			return RouteProposal.refused(command, gateway, service, before, DriftReport.describe(command.route(), expected, live)
					+ ". Nothing was restored: someone else changed the route; check it before restoring by hand.");
		}
		String summary = command.route() + ": " + name(live.activeTarget()) + " → " + name(restoreTo.state().activeTarget())
				+ " (last-known-good, snapshot " + restoreTo.id() + ")";
		return new RouteProposal(command, gateway, service, summary,
				Fingerprint.of("restore", gateway.kind(), command.route(), restoreTo.id(), live.fingerprint()), null, before,
				restoreTo, expected, restoreTo.state().activeTarget(), restoreTo.state().activeTarget(), null, null);
	}

	/**
	 * Undoing one change still in effect: back to {@code target} (the snapshot before that change, or the
	 * lease's restore point), refused with a drift report when the route is no longer as the change left it.
	 */
	RouteProposal revert(Incident incident, FlipLease lease, RouteSnapshot target, Gateway gateway, String text) {
		RouteCommand command = new RouteCommand(RouteCommand.Kind.RESTORE, lease.route(), null);
		RouteState live = gateway.read(lease.route());
		RouteSnapshot before = snapshots.store(gateway.kind(), live, text + " in " + incident.humanId());
		RouteState expected = snapshots.find(lease.afterSnapshot()).orElseThrow().state();
		if (!expected.fingerprint().equals(live.fingerprint())) {
			return RouteProposal.refused(command, gateway, null, before, DriftReport.describe(lease.route(), expected, live)
					+ ". Nothing was overwritten: someone else changed the route; the commander decides what it should be.");
		}
		String summary = lease.route() + ": " + name(live.activeTarget()) + " → " + name(target.state().activeTarget())
				+ " (as before '" + lease.kind() + "', snapshot " + target.id() + ")";
		return new RouteProposal(command, gateway, null, summary,
				Fingerprint.of("revert", gateway.kind(), lease.route(), target.id(), live.fingerprint()), null, before, target,
				expected, target.state().activeTarget(), target.state().activeTarget(), null, null);
	}

	private static String name(String target) {
		return Objects.requireNonNullElse(target, "(disabled)");
	}
}
