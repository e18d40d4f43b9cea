package dev.switchboard.discord;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.interactions.InteractionHook;

import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.IncidentIds;

/**
 * Delivers conversation replies to Discord: rendered once, posted or edited through
 * {@link DiscordApi}, private answers on the interaction's hook (ephemeral, within the
 * interaction's 15 minutes, needing no channel permission), and the notice that tells the
 * requester when a message could not be posted.
 */
class DiscordReplies {

	private static final Logger log = LoggerFactory.getLogger(DiscordReplies.class);

	private final DiscordApi api;

	private final DiscordRenderer renderer;

	private final DiscordEventMapper mapper;

	DiscordReplies(DiscordApi api, DiscordRenderer renderer, DiscordEventMapper mapper) {
		this.api = api;
		this.renderer = renderer;
		this.mapper = mapper;
	}

	DiscordMessage render(Reply reply) {
		return renderer.render(reply, mapper::discordIdOf);
	}

	/** Posts {@code reply} in a channel or thread; returns the message id. */
	String post(String channel, Reply reply) {
		return api.post(channel, render(reply));
	}

	String post(String channel, DiscordMessage message) {
		return api.post(channel, message);
	}

	void edit(String channel, String messageId, Reply reply) {
		api.edit(channel, messageId, render(reply));
	}

	void pin(String channel, String messageId) {
		api.pin(channel, messageId);
	}

	/** Replaces the deferred "thinking…" answer of a slash command, which only the caller sees. */
	void answer(InteractionHook hook, Reply reply) {
		answer(hook, render(reply));
	}

	void answer(InteractionHook hook, DiscordMessage message) {
		tryTo("answer the command", () -> hook.editOriginal(message.edit()).timeout(30, TimeUnit.SECONDS).complete());
	}

	/** Like {@link #answer(InteractionHook, DiscordMessage)} without waiting: for JDA's event thread, which must never block. */
	void answerLater(InteractionHook hook, DiscordMessage message) {
		hook.editOriginal(message.edit()).queue(null, failure -> log.warn("Could not answer the command on Discord: {}", failure.getMessage()));
	}

	/** A private message to whoever clicked, without waiting: for JDA's event thread. */
	void privatelyLater(InteractionHook hook, Reply reply) {
		hook.sendMessage(render(reply).create()).setEphemeral(true)
			.queue(null, failure -> log.warn("Could not answer a click on Discord: {}", failure.getMessage()));
	}

	/** A message only the person who clicked sees. */
	void privately(InteractionHook hook, Reply reply) {
		DiscordMessage message = render(reply);
		tryTo("answer a click", () -> hook.sendMessage(message.create()).setEphemeral(true).timeout(30, TimeUnit.SECONDS).complete());
	}

	/**
	 * Tells the requester, privately, that a message could not be posted. Nothing is lost: the
	 * incident was written before any post was tried.
	 */
	void couldNotPost(DiscordCallFailed failure, String what, Long incident, InteractionHook hook, boolean replaceAnswer) {
		log.warn("Could not post {} to Discord: {}", what, failure.getMessage());
		if (hook == null) {
			return;
		}
		String about = incident == null ? "" : " " + IncidentIds.format(incident) + " is saved with its whole timeline: `/incident status "
				+ IncidentIds.format(incident) + "` and `/incident timeline " + IncidentIds.format(incident) + "` show it.";
		Reply notice = Reply.ephemeral(":warning: Switchboard could not post " + what + " to Discord (" + failure.getMessage() + ")." + about);
		if (replaceAnswer) {
			answer(hook, notice);
		}
		else {
			privately(hook, notice);
		}
	}

	private static void tryTo(String what, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not {} on Discord: {}", what, ex.getMessage());
		}
	}
}
