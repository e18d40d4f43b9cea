/**
 * Drill scenarios: the scripted failures a drill injects and the choices it expects, read and
 * checked with the catalog. A module of its own below the catalog so the catalog can load them
 * without depending on the drill engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"lint", "ownership", "runbook"})
package dev.switchboard.scenario;
