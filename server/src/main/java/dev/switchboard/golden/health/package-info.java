/**
 * Route health: the canary that runs golden sets against live and standby targets, vendor status pages,
 * and the alert raised after two failing runs. Exposed as the golden module's {@code health} interface
 * for the route listings, the postmortem and the chats that deliver alerts.
 */
@org.springframework.modulith.NamedInterface("health")
package dev.switchboard.golden.health;
