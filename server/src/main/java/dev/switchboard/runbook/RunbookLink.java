package dev.switchboard.runbook;

/**
 * A link in a runbook's prose, lists or tables to a place inside the runbooks folder (not one of
 * a step's choices, which are {@link Choice}s): lint checks that it lands where GitHub would jump.
 *
 * @param target the link as written
 * @param runbook the target runbook file, or null for this runbook
 * @param anchor the fragment, or null for the top of {@code runbook}
 */
public record RunbookLink(String target, String runbook, String anchor, int line) {
}
