/**
 * Model routes on the AI gateway, changed as verified, reversible transactions. The port is
 * {@link dev.switchboard.gateway.Gateway}; adapters live in one sub-package each
 * ({@code sandbox}, {@code litellm}, {@code scg} for Spring Cloud Gateway) and pass the same contract test suite.
 * Knows routes and targets, not who owns them: authorization is the incident engine's job.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.switchboard.gateway;
