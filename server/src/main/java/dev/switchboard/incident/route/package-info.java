/**
 * Route changes inside an incident: a runbook's gateway action proposed, approved, leased, written,
 * read back and verified, undone or rolled back, and recovered after a crash. The services here
 * ({@link dev.switchboard.incident.route.RouteChanges}, {@link dev.switchboard.incident.route.RoutePreviews},
 * {@link dev.switchboard.incident.route.RouteRollbacks}, {@link dev.switchboard.incident.route.RouteReport},
 * {@link dev.switchboard.incident.route.PendingApprovals}) are the incident module's {@code route}
 * interface for the conversation and drills; leases live in {@code internal}, REST in {@code web}.
 */
@org.springframework.modulith.NamedInterface("route")
package dev.switchboard.incident.route;
