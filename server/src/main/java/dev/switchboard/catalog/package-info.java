/**
 * The catalog: ownership.yaml and every runbook, loaded and checked together. The CLI linter and
 * the running server both go through {@link dev.switchboard.catalog.CatalogLoader}; the server's
 * {@link dev.switchboard.catalog.CatalogRegistry} keeps serving the last good version of any file
 * that stops passing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"lint", "ownership", "runbook", "scenario", "system"})
package dev.switchboard.catalog;
