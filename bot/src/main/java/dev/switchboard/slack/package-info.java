/**
 * Slack: Bolt for Java over HTTP ({@code POST /slack/events}) or Socket Mode, with the same
 * handlers. A renderer ({@link dev.switchboard.slack.SlackRenderer}) and an event mapping
 * ({@link dev.switchboard.slack.SlackEventMapper}) over the chat-agnostic conversation; every
 * request is acknowledged at once and worked on the Slack workers; every outbound call goes
 * through {@link dev.switchboard.slack.SlackWebApi}. Nothing here starts unless
 * {@code switchboard.slack.bot-token} is set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"conversation", "incident", "catalog", "ownership", "golden :: health", "paging"})
package dev.switchboard.slack;
