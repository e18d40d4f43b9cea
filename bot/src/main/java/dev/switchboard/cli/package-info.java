/**
 * {@code switchboard lint}: the same loader and findings as the server's reload.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "lint", "runbook", "golden", "ownership"})
package dev.switchboard.cli;
