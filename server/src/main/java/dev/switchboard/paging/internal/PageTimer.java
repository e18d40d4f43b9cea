package dev.switchboard.paging.internal;

import java.time.Instant;

/** When level {@code level} of a chain times out unacknowledged. {@code state}: waiting, fired, stopped. */
public record PageTimer(long id, long incidentId, String chain, int level, Instant dueAt, String state) {
}
