package dev.switchboard.paging;

import java.util.List;

import dev.switchboard.incident.Incident;

/**
 * The outcome of an acknowledgement.
 *
 * @param principals the pages it acknowledged now (empty when {@code already})
 * @param already true when this person had already acknowledged and nothing was open: nothing changed
 */
public record Acknowledgement(Incident incident, String person, List<String> principals, boolean already) {
}
