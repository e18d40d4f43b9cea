package dev.switchboard.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out to Slack. Every call runs on a Slack worker, never on the thread that
 * acknowledges a request, and:
 * <ul>
 * <li>waits out {@code 429 Retry-After} (up to {@code max-retry-after}) and retries;</li>
 * <li>retries 5xx answers, Slack's own transient errors and timeouts with doubling backoff;</li>
 * <li>paces {@code chat.postMessage} per channel ({@code channel-pacing}, Slack allows about one a
 * second) and keeps the order of messages to one channel;</li>
 * <li>throws {@link SlackCallFailed} when it gives up, so the caller can tell the commander.</li>
 * </ul>
 */
class SlackWebApi {

	private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);

	/** Slack errors that mean "try again later" rather than "this request is wrong". */
	private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
			"request_timeout", "ratelimited", "rate_limited");

	/** A call to one Web API method. */
	interface Call<T extends SlackApiTextResponse> {

		T run(MethodsClient methods) throws IOException, SlackApiException;

	}

	private final Slack slack;

	private final MethodsClient methods;

	private final SlackProperties properties;

	private final Gson gson = GsonFactory.createSnakeCase();

	private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

	SlackWebApi(Slack slack, SlackProperties properties) {
		this.slack = slack;
		this.methods = slack.methods(properties.botToken());
		this.properties = properties;
	}

	/**
	 * Calls {@code method}; with a {@code channel}, calls of the same paced method to that channel
	 * run one after the other, at least {@code channel-pacing} apart.
	 */
	<T extends SlackApiTextResponse> T call(String method, String channel, Call<T> call) {
		if (channel == null || !"chat.postMessage".equals(method)) {
			return attempt(method, call);
		}
		Lane lane = lanes.computeIfAbsent(channel, c -> new Lane());
		lane.lock.lock();
		try {
			long wait = lane.nextAt - System.nanoTime();
			if (wait > 0) {
				sleep(Duration.ofNanos(wait));
			}
			try {
				return attempt(method, call);
			}
			finally {
				lane.nextAt = System.nanoTime() + properties.channelPacing().toNanos();
			}
		}
		finally {
			lane.lock.unlock();
		}
	}

	/** Posts to a {@code response_url} (a command's or a click's; Slack allows 5 posts in 30 minutes). */
	void respond(String responseUrl, ActionResponse response) {
		String json = gson.toJson(response);
		Failure last = null;
		for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
			try {
				WebhookResponse answer = slack.send(responseUrl, json);
				int code = answer.getCode() == null ? 0 : answer.getCode();
				if (code >= 200 && code < 300) {
					return;
				}
				if (code == 429) {
					last = new Failure("http_429", retryAfter(header(answer.getHeaders(), "Retry-After")), null);
				}
				else if (code >= 500) {
					last = new Failure("http_" + code, backoff(attempt), null);
				}
				else {
					throw new SlackCallFailed("response_url", "http_" + code + " " + answer.getBody(), attempt, null);
				}
			}
			catch (IOException ex) {
				last = new Failure(ex.getClass().getSimpleName(), backoff(attempt), ex);
			}
			retryOrGiveUp("response_url", attempt, last);
		}
	}

	private <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
		Failure last = null;
		for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
			try {
				T answer = call.run(methods);
				if (answer.isOk()) {
					return answer;
				}
				if (!TRANSIENT.contains(answer.getError())) {
					throw new SlackCallFailed(method, answer.getError(), attempt, null);
				}
				last = new Failure(answer.getError(), backoff(attempt), null);
			}
			catch (SlackApiException ex) {
				int code = ex.getResponse().code();
				if (code == 429) {
					last = new Failure("http_429", retryAfter(ex.getResponse().header("Retry-After")), ex);
				}
				else if (code >= 500) {
					last = new Failure("http_" + code, backoff(attempt), ex);
				}
				else {
					String error = ex.getError() != null ? ex.getError().getError() : "http_" + code;
					throw new SlackCallFailed(method, error, attempt, ex);
				}
			}
			catch (IOException ex) {
				last = new Failure(ex.getClass().getSimpleName() + ": " + ex.getMessage(), backoff(attempt), ex);
			}
			retryOrGiveUp(method, attempt, last);
		}
		throw new IllegalStateException("unreachable");
	}

	private void retryOrGiveUp(String method, int attempt, Failure failure) {
		if (attempt >= properties.maxAttempts() || failure.delay() == null) {
			throw new SlackCallFailed(method, failure.error() + (failure.delay() == null ? " (Retry-After beyond "
					+ properties.maxRetryAfter().toSeconds() + " s)" : ""), attempt, failure.cause());
		}
		log.info("Slack {} attempt {} failed ({}); retrying in {} ms", method, attempt, failure.error(),
				failure.delay().toMillis());
		sleep(failure.delay());
	}

	/** The server's wait, or null when it asks for longer than we hold a worker. */
	private Duration retryAfter(String header) {
		long seconds = 1;
		if (header != null) {
			try {
				seconds = Math.max(0, Long.parseLong(header.trim()));
			}
			catch (NumberFormatException ex) {
				seconds = 1;
			}
		}
		Duration wait = Duration.ofSeconds(seconds);
		return wait.compareTo(properties.maxRetryAfter()) > 0 ? null : wait;
	}

	private Duration backoff(int attempt) {
		long base = properties.backoff().toMillis() << Math.min(attempt - 1, 10);
		return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 4)));
	}

	private static String header(Map<String, List<String>> headers, String name) {
		if (headers == null) {
			return null;
		}
		for (Map.Entry<String, List<String>> e : headers.entrySet()) {
			if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
				return e.getValue().get(0);
			}
		}
		return null;
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SlackCallFailed("wait", "interrupted", 0, ex);
		}
	}

	private record Failure(String error, Duration delay, Throwable cause) {
	}

	private static final class Lane {

		final ReentrantLock lock = new ReentrantLock(true);

		/** System.nanoTime() before which the next message may not be posted. */
		volatile long nextAt = System.nanoTime();

	}
}
