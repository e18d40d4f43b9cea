package dev.switchboard.console;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.switchboard.incident.IncidentChanged;

/**
 * Server-sent events for open incident pages: after every committed change of an incident (from
 * the console, Slack, the terminal, REST, a drill's injected event) each page showing it gets a
 * {@code changed} event and fetches its live part again. Sent from a thread of its own, so a slow
 * browser never holds up the request that made the change; a heartbeat finds closed pages; the
 * streams end before the web server's graceful shutdown, which would otherwise wait for them.
 */
@Component
class LiveIncidents implements SmartLifecycle {

	private static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private final Map<Long, Set<SseEmitter>> pages = new ConcurrentHashMap<>();

	/** Created on start, so a context stopped and started again (as some tests do) gets a new one. */
	private volatile ScheduledExecutorService sender;

	private volatile boolean running;

	SseEmitter subscribe(long incidentId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Set<SseEmitter> set = pages.computeIfAbsent(incidentId, k -> ConcurrentHashMap.newKeySet());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		try {
			// Flushes the response so the browser knows the stream is open.
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	@EventListener
	void changed(IncidentChanged event) {
		Set<SseEmitter> set = pages.get(event.incidentId());
		if (set == null || set.isEmpty()) {
			return;
		}
		int seq = event.events().isEmpty() ? 0 : event.events().get(event.events().size() - 1).seq();
		ScheduledExecutorService executor = sender;
		if (executor == null) {
			return;
		}
		try {
			executor.execute(() -> send(set, SseEmitter.event().name("changed").data(String.valueOf(seq))));
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// stopping: the pages reconnect and read the state afresh
		}
	}

	private static void send(Set<SseEmitter> set, SseEmitter.SseEventBuilder event) {
		for (SseEmitter emitter : set) {
			try {
				emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				set.remove(emitter);
			}
		}
	}

	@Override
	public void start() {
		sender = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "console-sse");
			t.setDaemon(true);
			return t;
		});
		running = true;
		sender.scheduleWithFixedDelay(() -> pages.values().forEach(set -> send(set, SseEmitter.event().comment("alive"))),
				20, 20, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		running = false;
		if (sender != null) {
			sender.shutdownNow();
		}
		pages.values().forEach(set -> set.forEach(SseEmitter::complete));
		pages.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops first, before the web server waits for open requests to finish. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}
}
