package dev.switchboard.discord;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * The threads that do the work after an interaction is deferred: conversation, database and every
 * REST call. JDA's event thread only defers and hands over, so a slow database or a rate-limited
 * Discord never delays the next interaction's 3-second deadline. Bounded: when {@code queue}
 * interactions already wait, new ones are refused ("busy") instead of piling up.
 */
final class DiscordWorkers implements DisposableBean {

	private final ThreadPoolExecutor pool;

	DiscordWorkers(int threads, int queue) {
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				queue == 0 ? new LinkedBlockingQueue<>(1) : new ArrayBlockingQueue<>(queue), r -> {
					Thread t = new Thread(r, "discord-worker-" + n.incrementAndGet());
					t.setDaemon(true);
					return t;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** @throws java.util.concurrent.RejectedExecutionException when the queue is full */
	void execute(Runnable work) {
		pool.execute(work);
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.SECONDS);
	}
}
