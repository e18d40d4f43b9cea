package dev.switchboard.gateway;

import java.time.Instant;

/** A route's state stored before a change, so it can be restored (and compared for drift). */
public record RouteSnapshot(String id, String gateway, RouteState state, Instant takenAt, String reason) {
}
