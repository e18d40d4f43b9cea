/**
 * Discord: a JDA bot over the gateway (no public endpoint). A renderer
 * ({@link dev.switchboard.discord.DiscordRenderer}) and an event mapping
 * ({@link dev.switchboard.discord.DiscordEventMapper}, {@link dev.switchboard.discord.IncidentSlashCommand})
 * over the chat-agnostic conversation; every interaction is deferred at once on JDA's event thread and
 * worked on the Discord workers; every outbound call goes through {@link dev.switchboard.discord.DiscordApi}.
 * Nothing here starts unless {@code switchboard.discord.token} is set.
 */
package dev.switchboard.discord;
