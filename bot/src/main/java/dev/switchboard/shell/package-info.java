/**
 * The terminal chat (Spring Shell): a renderer of the conversation model and a mapping of typed
 * commands to it. No business logic lives here; {@code incident ai-outage} in the terminal is
 * the same conversation as {@code /incident ai-outage} in Slack.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"conversation", "catalog", "runbook", "incident", "system"})
package dev.switchboard.shell;
