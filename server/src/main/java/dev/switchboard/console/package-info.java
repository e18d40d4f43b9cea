/**
 * The web console: server-rendered pages (Thymeleaf, htmx and server-sent events as an enhancement)
 * for incidents, runbooks, who is on call, the gateway and drills. Every action goes through
 * {@link dev.switchboard.conversation.Conversation}, as every chat does, so the page gets the same
 * refusals and messages. Access: the local operator on loopback, or OpenID Connect sign-in matched to
 * ownership.yaml by email when a client registration is configured ({@link dev.switchboard.console.ConsoleSecurity}).
 */
package dev.switchboard.console;
