package dev.switchboard.incident.route.internal;

import java.time.Instant;

/**
 * A route change made from an incident and still in effect.
 *
 * @param kind {@code flip} or {@code disable}
 * @param beforeSnapshot the route just before the change
 * @param restoreSnapshot what {@code gateway restore} puts back: the route before the first of the changes in effect
 * @param afterSnapshot what the change left; restore refuses when the route no longer matches it
 */
public record FlipLease(long id, long incidentId, String step, int action, String kind, String gateway, String route,
		String beforeSnapshot, String restoreSnapshot, String afterSnapshot, Instant startedAt, Instant expiresAt,
		Instant remindedAt) {
}
