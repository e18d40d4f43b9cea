package dev.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for the incident REST API: N incidents, each declared and walked to a terminal
 * step (always the first choice) then resolved, by C concurrent clients over loopback. Reports
 * requests/s, latency percentiles, errors, and checks that no timeline event was lost (every
 * incident's timeline has gap-free sequence numbers and one choice-made per choice posted).
 *
 * <p>Usage: {@code IncidentLoadHarness <baseUrl> <token> <incidents> <clients> <runbook> [--rate R]}.
 * Without {@code --rate} the load is a closed loop: each client sends its next request as soon as
 * the previous one is answered. With {@code --rate R} it is an open loop of R requests/s shared by
 * the clients ({@link OpenLoopSchedule}); latency is then measured from each request's due time.
 */
public final class IncidentLoadHarness {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger errors = new AtomicInteger();

	private final AtomicInteger lost = new AtomicInteger();

	/** Null for a closed loop. */
	private volatile OpenLoopSchedule schedule;

	private IncidentLoadHarness(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int incidents = Integer.parseInt(args[2]);
		int clients = Integer.parseInt(args[3]);
		String runbook = args.length > 4 && !args[4].startsWith("--") ? args[4] : "ai-outage";
		double rate = rate(args);
		IncidentLoadHarness harness = new IncidentLoadHarness(base, args[1]);
		harness.run(Math.max(clients, 10), clients, runbook); // warm-up, always closed loop
		harness.latencies.clear();
		harness.errors.set(0);
		harness.lost.set(0);
		long start = System.nanoTime();
		if (rate > 0) {
			harness.schedule = new OpenLoopSchedule(start, rate);
		}
		harness.run(incidents, clients, runbook);
		double seconds = (System.nanoTime() - start) / 1e9;
		harness.report(incidents, clients, seconds, rate);
	}

	/** {@code --rate R} anywhere after the positional arguments; 0 when absent (closed loop). */
	static double rate(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--rate")) {
				if (i + 1 == args.length) {
					throw new IllegalArgumentException("--rate needs a number of requests per second");
				}
				return Double.parseDouble(args[i + 1]);
			}
		}
		return 0;
	}

	private void run(int incidents, int clients, String runbook) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < incidents; i++) {
			futures.add(pool.submit(() -> walk(runbook)));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
	}

	private void walk(String runbook) {
		try {
			JsonNode incident = call("POST", "/api/incidents", Map.of("runbook", runbook), 201);
			String id = incident.get("id").asString();
			int choices = 0;
			while (incident.get("currentStep").get("choices").size() > 0 && choices < 30) {
				String step = incident.get("currentStep").get("id").asString();
				incident = call("POST", "/api/incidents/" + id + "/choices", Map.of("step", step, "choice", "1"), 200);
				choices++;
			}
			call("POST", "/api/incidents/" + id + "/resolve", Map.of("summary", "load test"), 200);
			JsonNode state = call("GET", "/api/incidents/" + id, null, 200);
			JsonNode timeline = state.get("timeline");
			int made = 0;
			for (int i = 0; i < timeline.size(); i++) {
				if (timeline.get(i).get("seq").asInt() != i + 1) {
					lost.incrementAndGet();
				}
				if (timeline.get(i).get("type").asString().equals("choice-made")) {
					made++;
				}
			}
			if (made != choices) {
				lost.incrementAndGet();
			}
		}
		catch (Exception ex) {
			errors.incrementAndGet();
		}
	}

	private JsonNode call(String method, String path, Object body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		OpenLoopSchedule open = schedule;
		long t0 = open == null ? System.nanoTime() : open.awaitNext();
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		latencies.add(System.nanoTime() - t0);
		if (response.statusCode() != expected) {
			errors.incrementAndGet();
			throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private void report(int incidents, int clients, double seconds, double rate) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("incidents=%d clients=%d requests=%d time=%.2fs throughput=%.0f req/s%s%n", incidents, clients,
				sorted.size(), seconds, sorted.size() / seconds,
				rate > 0 ? String.format(" (open loop, scheduled %.0f req/s, latency from the due time)", rate) : "");
		System.out.printf("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 90),
				pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
		System.out.printf("errors=%d lost-or-duplicated-events=%d%n", errors.get(), lost.get());
	}

	private static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}
}
