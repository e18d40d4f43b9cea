/**
 * Runbooks: markdown files parsed with Flexmark into an immutable model (steps, choices, actions,
 * strategies, mentions), each element keeping its source line; the rules lint runs over them; and
 * the renderers that turn a step's body into chat text or HTML.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"lint", "ownership"})
package dev.switchboard.runbook;
