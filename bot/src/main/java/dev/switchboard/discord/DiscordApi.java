package dev.switchboard.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Every outbound Discord call, on the caller's (worker) thread, bounded by
 * {@code request-timeout}. Rate limits are JDA's: its rate limiter queues requests per bucket,
 * waits out {@code Retry-After} on a 429 and retries; a call still not done at the deadline is
 * dropped and reported as {@link DiscordCallFailed}, so a Discord outage costs a worker at most
 * that long and never blocks the incident engine.
 */
class DiscordApi {

	private final AtomicReference<JDA> jda = new AtomicReference<>();

	private final Duration timeout;

	DiscordApi(Duration timeout) {
		this.timeout = timeout;
	}

	/** Set by {@link DiscordBot} once logged in (null again at shutdown). */
	void connected(JDA client) {
		jda.set(client);
	}

	Optional<JDA> jda() {
		return Optional.ofNullable(jda.get());
	}

	/** Posts {@code message} in a channel or thread; returns the message id. */
	String post(String channel, DiscordMessage message) {
		return call("send a message to " + channel, jda -> channel(jda, channel).sendMessage(message.create())).getId();
	}

	void edit(String channel, String messageId, DiscordMessage message) {
		call("edit message " + messageId, jda -> channel(jda, channel).editMessageById(messageId, message.edit()));
	}

	void pin(String channel, String messageId) {
		call("pin message " + messageId, jda -> channel(jda, channel).pinMessageById(messageId));
	}

	/** A text channel in {@code guild} (under {@code category}, when not null); returns its id. */
	String createChannel(String guild, String name, String category) {
		return call("create channel #" + name, jda -> {
			Guild g = jda.getGuildById(guild);
			if (g == null) {
				throw new DiscordCallFailed("create channel #" + name, "the bot is not in server " + guild, null);
			}
			Category parent = category == null ? null : g.getCategoryById(category);
			return g.createTextChannel(name, parent);
		}).getId();
	}

	/** A public thread started on {@code messageId} in {@code channel}; returns its id. */
	String createThread(String channel, String messageId, String name) {
		return call("create thread " + name, jda -> {
			if (!(channel(jda, channel) instanceof IThreadContainer container)) {
				throw new DiscordCallFailed("create thread " + name, "channel " + channel + " cannot hold threads", null);
			}
			return container.createThreadChannel(name, messageId);
		}).getId();
	}

	private static GuildMessageChannel channel(JDA jda, String id) {
		GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
		if (channel == null) {
			throw new DiscordCallFailed("find channel " + id, "the bot cannot see it (deleted, or no View Channel permission)", null);
		}
		return channel;
	}

	private <T> T call(String what, Function<JDA, RestAction<T>> action) {
		JDA jda = jda().orElseThrow(() -> new DiscordCallFailed(what, "not connected to Discord", null));
		java.util.concurrent.CompletableFuture<T> future;
		try {
			future = action.apply(jda).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).submit();
		}
		catch (DiscordCallFailed ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// JDA checks permissions and limits before sending: InsufficientPermissionException, IllegalArgumentException
			throw new DiscordCallFailed(what, ex.getMessage(), ex);
		}
		try {
			return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new DiscordCallFailed(what, "interrupted", ex);
		}
		catch (TimeoutException | CancellationException ex) {
			future.cancel(true);
			throw new DiscordCallFailed(what, "no answer within " + timeout.toSeconds() + " s", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			String reason = cause instanceof ErrorResponseException e ? e.getErrorResponse() + " (" + e.getErrorCode() + ")"
					: cause instanceof TimeoutException ? "no answer within " + timeout.toSeconds() + " s"
							: String.valueOf(cause);
			throw new DiscordCallFailed(what, reason, cause);
		}
	}
}
