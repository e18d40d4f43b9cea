package dev.switchboard.slack;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Socket Mode: the bot opens a WebSocket to Slack (app-level token, {@code connections:write})
 * instead of exposing {@code /slack/events}; the same Bolt app and handlers serve it. Envelopes
 * are handled on {@code workers} threads, not on the socket's listener thread. If Slack cannot
 * be reached at start-up the server still starts (REST, terminal) and connecting is retried
 * every 30 seconds; the SDK reconnects by itself once connected.
 * <p>
 * SlackSocketModeIntegrationTests runs it against a local fake of Slack ({@code apps.connections.open}
 * on the fake Web API, a WebSocket server on loopback).
 */
class SlackSocketMode implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

	private final App app;

	private final SlackProperties properties;

	private final TaskScheduler scheduler;

	private volatile SocketModeApp socket;

	private volatile ScheduledFuture<?> retry;

	private volatile boolean running;

	SlackSocketMode(App app, SlackProperties properties, TaskScheduler scheduler) {
		this.app = app;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		running = true;
		if (!connect()) {
			retry = scheduler.scheduleWithFixedDelay(() -> {
				if (socket == null && connect() && retry != null) {
					retry.cancel(false);
				}
			}, Duration.ofSeconds(30));
		}
	}

	private synchronized boolean connect() {
		if (socket != null) {
			return true;
		}
		try {
			SocketModeApp candidate = new SocketModeApp(properties.appToken(), app, properties.workers());
			candidate.startAsync();
			socket = candidate;
			// the SDK's WebSocket client logs a failed handshake instead of throwing, then retries every 5 s by itself
			if (candidate.getClient() != null && candidate.getClient().verifyConnection()) {
				log.info("Connected to Slack in Socket Mode");
			}
			else {
				log.warn("Slack gave a Socket Mode URL but the WebSocket is not open yet; the SDK keeps reconnecting");
			}
			return true;
		}
		catch (Exception ex) {
			log.error("Could not connect to Slack in Socket Mode (retrying every 30 s): {}", ex.toString());
			return false;
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (retry != null) {
			retry.cancel(false);
		}
		if (socket != null) {
			try {
				socket.close();
			}
			catch (Exception ex) {
				log.warn("Closing the Socket Mode connection failed: {}", ex.toString());
			}
			socket = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
