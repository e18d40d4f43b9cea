package dev.switchboard.incident;

import java.util.List;
import java.util.Map;

/**
 * What a timeline event says, typed per kind of event. The database keeps the details as the JSON
 * object written since the first release ({@link TimelineEvent#details()}); this is the one place
 * that reads its keys, so rows written before the types existed read the same, with no migration.
 * Kinds not typed yet decode as {@link Other}.
 */
public sealed interface TimelineDetails {

	/** {@code declared}: the runbook version pinned, the severity, the service and who commands. */
	record Declared(String runbook, String sha256, String commit, String severity, String service, boolean drill,
			String commander, String asked) implements TimelineDetails {
	}

	/** {@code step-entered}: how the step was reached ({@code declare}, {@code choice}, {@code back}). */
	record StepEntered(String via) implements TimelineDetails {
	}

	/** {@code choice-made}: the label chosen, its 1-based index, where it leads; {@code decision} when there were several. */
	record ChoiceMade(String choice, Integer index, String to, boolean decision) implements TimelineDetails {
	}

	/** {@code backtracked}: the step gone back to. */
	record Backtracked(String to) implements TimelineDetails {
	}

	/** {@code runbook-changed}: a choice led into another runbook, pinned at {@code sha256}. */
	record RunbookChanged(String from, String to, String sha256) implements TimelineDetails {
	}

	/** {@code mention-sent}, {@code page-sent}: who was engaged, the people reached now (null if not recorded), and why. */
	record Engaged(String action, String text, String principal, List<String> people, String reason)
			implements TimelineDetails {
	}

	/**
	 * An action of a step: requested, approved, started, succeeded, failed, refused, interrupted,
	 * waiting for approval, written. {@code route} is present for route changes (their details name
	 * the gateway and the route), absent for pages, vendor look-ups and other actions.
	 */
	record ActionOutcome(String action, String text, String result, RouteChange route) implements TimelineDetails {

		public boolean changesRoute() {
			return route != null;
		}
	}

	/** The route-change part of an action's details: the gateway kind, the route and the exact plan. */
	record RouteChange(String gateway, String route, String plan, String planHash) {
	}

	/** {@code note}: free text. */
	record Note(String text) implements TimelineDetails {
	}

	/** {@code severity-changed}, {@code commander-changed}. */
	record Changed(String from, String to) implements TimelineDetails {
	}

	/** {@code mitigated}, {@code resolved}: the summary typed, or the terminal step's resolution. */
	record Ended(String summary, String resolution) implements TimelineDetails {
	}

	/** {@code drill-injected}: event {@code event} of {@code of}, scheduled {@code at}, with its message. */
	record DrillInjected(Integer event, Integer of, String at, String text) implements TimelineDetails {
	}

	/** {@code drill-fact-asked}: the fact asked for and whether the scenario had an answer. */
	record DrillFactAsked(String key, boolean answered) implements TimelineDetails {
	}

	/** A kind without its own type yet (leases, drill start, pause and end): the stored object as is. */
	record Other(Map<String, Object> values) implements TimelineDetails {
	}

	/** Reads the stored details of an event of {@code type}; missing keys are null (or false). */
	static TimelineDetails of(EventType type, Map<String, Object> d) {
		return switch (type) {
			case DECLARED -> new Declared(text(d, "runbook"), text(d, "sha256"), text(d, "commit"), text(d, "severity"),
					text(d, "service"), flag(d, "drill"), text(d, "commander"), text(d, "asked"));
			case STEP_ENTERED -> new StepEntered(text(d, "via"));
			case CHOICE_MADE -> new ChoiceMade(text(d, "choice"), number(d, "index"), text(d, "to"), flag(d, "decision"));
			case BACKTRACKED -> new Backtracked(text(d, "to"));
			case RUNBOOK_CHANGED -> new RunbookChanged(text(d, "from"), text(d, "to"), text(d, "sha256"));
			case MENTION_SENT, PAGE_SENT -> new Engaged(text(d, "action"), text(d, "text"), text(d, "principal"),
					texts(d, "people"), text(d, "reason"));
			case ACTION_REQUESTED, ACTION_APPROVED, ACTION_STARTED, ACTION_SUCCEEDED, ACTION_FAILED, ACTION_REFUSED,
					ACTION_INTERRUPTED, APPROVAL_REQUESTED, ROUTE_WRITTEN ->
				new ActionOutcome(text(d, "action"), text(d, "text"), text(d, "result"),
						d.get("gateway") == null ? null
								: new RouteChange(text(d, "gateway"), text(d, "route"), text(d, "plan"), text(d, "planHash")));
			case NOTE -> new Note(text(d, "text"));
			case SEVERITY_CHANGED, COMMANDER_CHANGED -> new Changed(text(d, "from"), text(d, "to"));
			case MITIGATED, RESOLVED -> new Ended(text(d, "summary"), text(d, "resolution"));
			case DRILL_INJECTED -> new DrillInjected(number(d, "event"), number(d, "of"), text(d, "at"), text(d, "text"));
			case DRILL_FACT_ASKED -> new DrillFactAsked(text(d, "key"), flag(d, "answered"));
			case GOLDEN_CHECKED, PAGE_DELIVERED, PAGE_FAILED, PAGE_UNDELIVERED, ACKNOWLEDGED, ESCALATED, LEASE_REMINDER, LEASE_RENEWED, LEASE_EXPIRED, DRILL_STARTED, DRILL_PAUSED, DRILL_RESUMED, DRILL_ENDED ->
				new Other(d);
		};
	}

	private static String text(Map<String, Object> d, String key) {
		Object value = d.get(key);
		return value == null ? null : value.toString();
	}

	private static boolean flag(Map<String, Object> d, String key) {
		Object value = d.get(key);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	private static Integer number(Map<String, Object> d, String key) {
		Object value = d.get(key);
		if (value instanceof Number n) {
			return n.intValue();
		}
		try {
			return value == null ? null : Integer.valueOf(value.toString());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static List<String> texts(Map<String, Object> d, String key) {
		return d.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
	}
}
