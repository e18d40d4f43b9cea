package dev.switchboard.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * The threads that do the work after Slack has been acknowledged: conversation, database and
 * every Web API call. Bounded: when {@code queue} requests already wait, new ones are refused
 * (the handler answers "busy") instead of piling up. Deliberately not a
 * {@link java.util.concurrent.Executor} bean, so it does not replace Spring Boot's
 * application task executor.
 */
final class SlackWorkers implements DisposableBean {

	private final ThreadPoolExecutor pool;

	SlackWorkers(int threads, int queue) {
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				queue == 0 ? new LinkedBlockingQueue<>(1) : new ArrayBlockingQueue<>(queue), r -> {
					Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
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
