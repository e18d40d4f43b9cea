package dev.switchboard.incident;

import java.util.Locale;

/** What can happen in an incident; stored by {@link #wire()} name, never renamed. */
public enum EventType {
	DECLARED, STEP_ENTERED, CHOICE_MADE, BACKTRACKED, RUNBOOK_CHANGED, ACTION_REQUESTED, ACTION_APPROVED,
	ACTION_STARTED, ACTION_SUCCEEDED, ACTION_FAILED, ACTION_REFUSED, MENTION_SENT, PAGE_SENT, SEVERITY_CHANGED,
	COMMANDER_CHANGED, NOTE, MITIGATED, RESOLVED,
	/** A route change waits for a second authorized person to approve its exact plan. */
	APPROVAL_REQUESTED,
	/** The gateway accepted a route change; details hold what reading the route back showed. */
	ROUTE_WRITTEN,
	/** A route change's lease ends soon: restore the route or keep it on purpose. */
	LEASE_REMINDER,
	/**
	 * The process stopped between a route change's write and its verdict (a crash or a kill): found by the
	 * recovery, which then reads the route back from the gateway and records what it shows.
	 */
	ACTION_INTERRUPTED,
	/** A route change's lease was renewed by an authorized person: it reverts later. */
	LEASE_RENEWED,
	/** A route change's lease ended unrenewed: Switchboard reverts the route (unless someone else changed it). */
	LEASE_EXPIRED,
	/** A route change's golden set ran on the changed route: counts, cost and one line per case. */
	GOLDEN_CHECKED,
	/**
	 * Paging (recorded by {@code dev.switchboard.paging}): a pager accepted a page; a pager refused it or
	 * retries gave up; every pager of a page failed (NOT delivered); someone acknowledged; nobody
	 * acknowledged in time and the next level was paged.
	 */
	PAGE_DELIVERED, PAGE_FAILED, PAGE_UNDELIVERED, ACKNOWLEDGED, ESCALATED,
	/** Drills only: the facilitator's controls and the scenario's injected surprises. */
	DRILL_STARTED, DRILL_INJECTED, DRILL_PAUSED, DRILL_RESUMED, DRILL_FACT_ASKED, DRILL_ENDED;

	/** True for the events only a drill records. */
	public boolean drillOnly() {
		return name().startsWith("DRILL_");
	}

	/** True for the events only paging records. */
	public boolean pagingOnly() {
		return this == PAGE_DELIVERED || this == PAGE_FAILED || this == PAGE_UNDELIVERED || this == ACKNOWLEDGED
				|| this == ESCALATED;
	}

	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static EventType fromWire(String wire) {
		return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
