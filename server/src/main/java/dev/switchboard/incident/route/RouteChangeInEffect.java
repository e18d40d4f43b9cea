package dev.switchboard.incident.route;

import java.time.Instant;

/**
 * A route change an incident made that is still in effect, with what rolling it back would restore.
 *
 * @param step the step whose action made it
 * @param action that action's number on the step
 * @param kind {@code flip}, {@code disable} or {@code restore}
 * @param now the target the change left serving (null: disabled)
 * @param before the target serving before it, what Roll back puts back (null: disabled)
 * @param expiresAt when Switchboard reverts it unless someone renews its lease
 * @param reminded true once the commander was reminded the lease ends soon
 */
public record RouteChangeInEffect(long lease, String step, int action, String kind, String gateway, String route,
		String now, String before, Instant expiresAt, boolean reminded) {
}
