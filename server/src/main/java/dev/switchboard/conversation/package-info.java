/**
 * The one conversation model every chat renders: commands typed as text ({@code /incident ...}
 * in Slack and Discord, {@code incident ...} in the terminal) and button presses come in,
 * {@link dev.switchboard.conversation.Reply} values (text blocks, mentions as person ids,
 * buttons with opaque action ids) go out. Adding a chat platform adds a renderer and an event
 * mapping in {@code bot/}; nothing here changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"incident", "incident :: route", "drill", "catalog", "scenario", "runbook", "ownership", "golden :: health", "paging"})
package dev.switchboard.conversation;
