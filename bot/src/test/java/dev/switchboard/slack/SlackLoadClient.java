package dev.switchboard.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load generator of bench/slack, as its own process (JDK only, no dependencies), so that the
 * server measured does not share a JVM with it and both targets (Switchboard, the Bolt for
 * JavaScript baseline) are measured by the same client. Sends every body of a file (one
 * form-encoded body a line) as a Slack-signed POST (v0 HMAC-SHA256 over {@code v0:<ts>:<body>},
 * signed before the clock starts: Slack signs, not the app), {@code concurrency} requests in flight
 * on as many keep-alive connections (opened, and the client warmed, by a few unmeasured GETs of the
 * same URL first), and writes the wall time and each request's latency (sending
 * the request to reading the whole answer) and status.
 *
 * <pre>
 * java -cp bot/target/test-classes dev.switchboard.slack.SlackLoadClient URL BODIES|get:N CONCURRENCY OUT [SECRET]
 * </pre>
 * OUT: first line the wall time in ns, then {@code <latency ns> <status>} per request.
 */
public final class SlackLoadClient {

	/** GETs per connection before the clock starts. */
	private static final int WARMUP_GETS = 10;

	private SlackLoadClient() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: SlackLoadClient URL BODIES|get:N CONCURRENCY OUT [SECRET]");
			System.exit(2);
		}
		URI url = URI.create(args[0]);
		int concurrency = Integer.parseInt(args[2]);
		Path out = Path.of(args[3]);
		String secret = args.length > 4 ? args[4] : SignedRequests.SECRET;
		List<HttpRequest> requests = requests(url, args[1], secret);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		long[] latencies = new long[requests.size()];
		int[] statuses = new int[requests.size()];
		AtomicInteger next = new AtomicInteger();
		CountDownLatch ready = new CountDownLatch(concurrency);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService senders = Executors.newFixedThreadPool(concurrency);
		List<java.util.concurrent.Future<?>> running = new ArrayList<>();
		HttpRequest probe = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
		for (int t = 0; t < concurrency; t++) {
			running.add(senders.submit(() -> {
				// not measured: warms this JVM's HTTP client and opens the keep-alive connections
				// (a GET of the same URL: 404/405 from either app, no work)
				for (int w = 0; w < WARMUP_GETS; w++) {
					try {
						http.send(probe, HttpResponse.BodyHandlers.discarding());
					}
					catch (IOException ex) {
						// the measured requests will tell
					}
				}
				ready.countDown();
				go.await();
				for (int i = next.getAndIncrement(); i < latencies.length; i = next.getAndIncrement()) {
					long t0 = System.nanoTime();
					try {
						HttpResponse<byte[]> answer = http.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
						statuses[i] = answer.statusCode();
					}
					catch (IOException ex) {
						statuses[i] = -1;
					}
					latencies[i] = System.nanoTime() - t0;
				}
				return null;
			}));
		}
		ready.await();
		java.time.Instant started = java.time.Instant.now();
		long start = System.nanoTime();
		go.countDown();
		for (var f : running) {
			f.get();
		}
		long wall = System.nanoTime() - start;
		senders.shutdown();
		StringBuilder lines = new StringBuilder().append(wall).append('\n');
		for (int i = 0; i < latencies.length; i++) {
			lines.append(latencies[i]).append(' ').append(statuses[i]).append('\n');
		}
		Files.writeString(out, lines);
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		System.out.printf("%s %s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms %.0f requests/s non-200=%d%n", started, url, sorted.length,
				sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
				sorted[sorted.length - 1] / 1e6, sorted.length / (wall / 1e9), Arrays.stream(statuses).filter(s -> s != 200).count());
		System.exit(0);
	}

	/** {@code get:N}: N plain GETs of the URL; otherwise one signed POST per line of the file. */
	private static List<HttpRequest> requests(URI url, String source, String secret) throws IOException {
		List<HttpRequest> requests = new ArrayList<>();
		if (source.startsWith("get:")) {
			HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
			for (int i = Integer.parseInt(source.substring(4)); i > 0; i--) {
				requests.add(get);
			}
			return requests;
		}
		String ts = String.valueOf(System.currentTimeMillis() / 1000);
		for (String body : Files.readAllLines(Path.of(source), StandardCharsets.UTF_8)) {
			if (body.isEmpty()) {
				continue;
			}
			requests.add(HttpRequest.newBuilder(url)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Slack-Request-Timestamp", ts)
				.header("X-Slack-Signature", sign(secret, ts, body))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build());
		}
		return requests;
	}

	static String sign(String secret, String ts, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
