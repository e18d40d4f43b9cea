package dev.switchboard.incident.route;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.ownership.Service;

/**
 * A route change worked out against the live route, before anything is written.
 *
 * @param summary what changes, for people: {@code invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5}
 * @param hash what an approval binds to: a different live state or target gives a different hash
 * @param flip the gateway's plan, for flips only
 * @param before the live route, stored as a snapshot before the change
 * @param restoreTo for restores: the snapshot put back
 * @param expectedCurrent for restores: the state the change being undone left (anything else is drift)
 * @param target the target written: the model flipped to, or disabled / enabled
 * @param expectedAfter the target verify expects to serve every probe (null: probes must be refused)
 * @param refusal why the change must not be made (drift), or null
 * @param noop why there is nothing to change (already disabled, already restored), or null
 */
record RouteProposal(RouteCommand command, Gateway gateway, Service service, String summary, String hash, FlipPlan flip,
		RouteSnapshot before, RouteSnapshot restoreTo, RouteState expectedCurrent, String target, String expectedAfter,
		String refusal, String noop) {

	static RouteProposal refused(RouteCommand command, Gateway gateway, Service service, RouteSnapshot before,
			String reason) {
		return new RouteProposal(command, gateway, service, command.text(), "", null, before, null, null, null, null, reason,
				null);
	}

	static RouteProposal noop(RouteCommand command, Gateway gateway, Service service, RouteSnapshot before,
			String why) {
		return new RouteProposal(command, gateway, service, command.text(), "", null, before, null, null, null, null, null,
				why);
	}

	boolean refused() {
		return refusal != null;
	}

	boolean nothingToDo() {
		return noop != null;
	}
}
