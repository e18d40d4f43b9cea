package dev.switchboard.paging;

import java.util.List;

/**
 * One message to one pager address.
 *
 * @param action {@code trigger}, {@code acknowledge} or {@code resolve}
 * @param dedupKey the same for every message of one page (incident and principal)
 * @param link the incident on Switchboard, or null when no public URL is configured
 */
public record PageMessage(String action, String address, String dedupKey, String incident, String severity,
		String title, String runbook, String step, String service, String principal, List<String> people,
		String link, boolean drill) {

	public PageMessage {
		people = List.copyOf(people);
	}

	/** Names the incident, runbook and service, as a pager's one-line summary. */
	public String summary() {
		return (drill ? "DRILL " : "") + incident + " " + severity.toUpperCase(java.util.Locale.ROOT) + ": " + title
				+ " (runbook " + runbook + (service == null ? "" : ", service " + service) + ") — paging " + principal;
	}
}
