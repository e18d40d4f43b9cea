/**
 * ownership.yaml: who owns each AI workflow, who is on call, who may change a route, escalation
 * per severity and vendors. {@link dev.switchboard.ownership.OwnershipLoader} reads and checks the
 * file; {@link dev.switchboard.ownership.Ownership} answers the questions the bot asks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"lint"})
package dev.switchboard.ownership;
