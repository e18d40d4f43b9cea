/**
 * Drills: an incident with the drill flag on the sandbox gateway, a scenario injecting failures
 * on a clock, and a score read from the timeline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"incident", "incident :: route", "catalog", "scenario", "runbook", "ownership", "lint", "system", "gateway", "gateway :: sandbox"})
package dev.switchboard.drill;
