/**
 * The incident REST API. Exposed as the incident module's {@code web} interface only so the API contract
 * ({@code dev.switchboard.contract}) documents each status with the same problem codes the API answers with.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.switchboard.incident.web;
