package dev.switchboard.runbook;

/**
 * Which text of a runbook an incident follows.
 *
 * @param sha256 hex digest of the file's bytes
 * @param commit the last git commit touching the file, or null outside a git checkout
 * @param dirty true when the file differs from that commit
 */
public record RunbookVersion(String sha256, String commit, boolean dirty) {

	public String shortLabel() {
		return sha256.substring(0, 12) + (commit == null ? "" : " @ " + commit.substring(0, Math.min(12, commit.length())))
				+ (dirty ? " (uncommitted changes)" : "");
	}
}
