/**
 * The sandbox gateway: a route table in the database and model targets whose behaviour a drill
 * controls ({@link dev.switchboard.gateway.sandbox.SandboxControls}). Exposed as the gateway
 * module's {@code sandbox} interface so the incident module can seed it from ownership.yaml and
 * drills can break its targets; the gateway itself knows nothing of ownership or drills.
 */
@org.springframework.modulith.NamedInterface("sandbox")
package dev.switchboard.gateway.sandbox;
