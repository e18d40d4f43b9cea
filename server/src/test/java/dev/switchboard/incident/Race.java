package dev.switchboard.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the same request from several threads released at the same instant, and collects what
 * each got back or threw. Every wait is bounded, so a deadlock fails the test instead of hanging it.
 */
final class Race {

	static final long TIMEOUT_SECONDS = 30;

	/** What one thread got: a value, or the throwable it raised. */
	record Outcome<T>(int thread, T value, Throwable error) {

		boolean succeeded() {
			return error == null;
		}
	}

	private Race() {
	}

	static <T> List<Outcome<T>> run(int threads, IntFunction<T> request) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Outcome<T>>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int thread = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
						throw new IllegalStateException("never released");
					}
					try {
						return new Outcome<>(thread, request.apply(thread), null);
					}
					catch (RuntimeException | Error ex) {
						return new Outcome<>(thread, null, ex);
					}
				}));
			}
			assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("all threads ready").isTrue();
			go.countDown();
			List<Outcome<T>> outcomes = new ArrayList<>();
			for (Future<Outcome<T>> f : futures) {
				try {
					outcomes.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
					throw new AssertionError("a racing request did not finish", ex);
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("racing threads stopped").isTrue();
		}
	}
}
