/**
 * The incident engine: declare an incident from a runbook, walk it one step at a time, keep an
 * append-only timeline, write the postmortem. Chat-agnostic: it returns domain values that
 * {@code dev.switchboard.conversation} turns into the view model every chat renders. Changes are
 * guarded in the database (row lock, optimistic version, unique request keys), so several
 * replicas sharing one PostgreSQL apply each click once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "runbook", "ownership", "lint", "system", "gateway", "gateway :: sandbox", "golden", "golden :: health"})
package dev.switchboard.incident;
