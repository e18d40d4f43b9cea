package dev.switchboard.incident;

import dev.switchboard.runbook.ActionCommand;

/**
 * The gateway, as the incident engine sees it: runs a route action of a step and says honestly
 * what happened. Implemented by the gateway feature; the default refuses, so no incident ever
 * claims a flip that did not happen.
 */
public interface RouteChanges {

	/** The outcome of a route action. */
	record Outcome(boolean succeeded, String result) {
	}

	Outcome run(Incident incident, ActionCommand command, Actor actor);
}
