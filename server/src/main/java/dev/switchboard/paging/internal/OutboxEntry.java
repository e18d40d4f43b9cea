package dev.switchboard.paging.internal;

import java.time.Instant;

/** One call to a pager waiting in (or done from) the outbox. {@code state}: pending, sent, failed. */
public record OutboxEntry(long id, long pageId, String channel, String address, String action, String state,
		int attempts, Instant nextAt, Instant createdAt, Integer lastStatus, String lastError) {
}
