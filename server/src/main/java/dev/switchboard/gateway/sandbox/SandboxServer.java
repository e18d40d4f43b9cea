package dev.switchboard.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sandbox gateway's process: a JDK HTTP server on 127.0.0.1 and an ephemeral port, serving the
 * admin API and the OpenAI-compatible chat endpoint. It can be taken down and brought back (same
 * port when free) to rehearse a gateway outage.
 */
@Component
class SandboxServer {

	private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

	static {
		// The JDK server writes a response's headers and body separately; without TCP_NODELAY each
		// loopback call waits out a delayed ACK (~40 ms), which made every flip on the sandbox ~200 ms
		// slower (bench/run-flip-bench.sh). Read once, when the first JDK HTTP server starts.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final SandboxAdmin admin;

	private final SandboxChat chat;

	private final ExecutorService workers;

	private volatile HttpServer server;

	private volatile int port;

	private volatile Duration adminDelay = Duration.ZERO;

	/**
	 * @param probeDelay how long every chat request waits before it is served: zero, except in tests that
	 * need the verify stage of a route change to last (e.g. to kill the JVM between apply and verify)
	 */
	SandboxServer(SandboxRouteTable table, @Value("${switchboard.sandbox.probe-delay:0s}") Duration probeDelay) {
		this.admin = new SandboxAdmin(table, () -> adminDelay);
		this.chat = new SandboxChat(table, probeDelay);
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "sandbox-gateway-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		start(0);
		log.info("sandbox gateway listening on {}", base());
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + port);
	}

	SandboxChat chat() {
		return chat;
	}

	void adminDelay(Duration delay) {
		adminDelay = delay;
	}

	synchronized boolean running() {
		return server != null;
	}

	/** Stops listening: every call now fails with a refused connection. */
	synchronized void down() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	/** Listens again, on the same port when it is still free. */
	synchronized void up() {
		if (server == null) {
			try {
				start(port);
			}
			catch (UncheckedIOException ex) {
				start(0);
			}
		}
	}

	private void start(int wanted) {
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
			created.createContext("/admin/", admin);
			created.createContext("/v1/chat/completions", chat);
			created.createContext("/chat/completions", chat);
			created.setExecutor(workers);
			created.start();
			server = created;
			port = created.getAddress().getPort();
		}
		catch (BindException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the sandbox gateway on 127.0.0.1", ex);
		}
	}

	@PreDestroy
	synchronized void stop() {
		down();
		workers.shutdownNow();
	}
}
