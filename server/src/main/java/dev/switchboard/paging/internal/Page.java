package dev.switchboard.paging.internal;

import java.time.Instant;
import java.util.List;

/**
 * A page as stored. {@code state}: {@code pending} (no pager accepted it yet), {@code delivered}
 * (at least one did), {@code undelivered} (every pager failed), {@code acknowledged}, {@code resolved}.
 */
public record Page(long id, long incidentId, String chain, int level, String principal, List<String> people,
		String dedupKey, String state, Instant pagedAt, Instant deliveredAt, Instant ackedAt, String ackedBy,
		String ackedVia) {

	public boolean acknowledged() {
		return ackedAt != null;
	}

	public boolean open() {
		return !"resolved".equals(state);
	}
}
