package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Send times of an open-loop load: request k is due at {@code start + k / rate}, whoever sends it
 * and however late the previous answers were. A client takes the next due time, waits for it if
 * it is still ahead, sends, and measures latency from the due time, so time spent waiting for a
 * free client when the server falls behind counts (no coordinated omission).
 */
final class OpenLoopSchedule {

	private final long startNanos;

	private final double intervalNanos;

	private final AtomicLong next = new AtomicLong();

	OpenLoopSchedule(long startNanos, double requestsPerSecond) {
		if (!(requestsPerSecond > 0)) {
			throw new IllegalArgumentException("rate must be > 0 requests/s: " + requestsPerSecond);
		}
		this.startNanos = startNanos;
		this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
	}

	/** The due time (System.nanoTime) of the next request, not waited for. */
	long take() {
		return startNanos + Math.round(next.getAndIncrement() * intervalNanos);
	}

	/** Takes the next due time and waits until it has come. */
	long awaitNext() {
		long due = take();
		for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
			LockSupport.parkNanos(wait);
		}
		return due;
	}
}
