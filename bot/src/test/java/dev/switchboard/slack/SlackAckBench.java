package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.slack.api.app_backend.SlackSignature;

import dev.switchboard.incident.EventType;

/**
 * The acknowledgement latency of {@code /slack/events} under load (see bench/slack/README.md):
 * signed slash commands declaring real incidents, then signed clicks advancing each of them, 50
 * connections at a time over loopback. Not part of {@code verify} (the name matches no test
 * pattern); run with {@code bench/slack/run.sh}. Prints and writes
 * {@code bot/target/slack-ack-bench.txt}.
 */
@TestPropertySource(properties = { "switchboard.slack.queue=10000", "switchboard.slack.workers=8",
		"logging.level.dev.switchboard.slack=WARN" })
class SlackAckBench extends SlackTestSupport {

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);

	private static final int DECLARATIONS = Integer.getInteger("bench.declarations", 1000);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	@Test
	void acknowledgesSignedCommandsAndClicksUnderLoad() throws Exception {
		URI endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
		int incidentsBefore = incidents.list(false, 100_000).size();

		// warm-up: read-only commands, not measured
		List<String> warmup = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			warmup.add(requests.command("help", STRANGER, "C0WARM"));
		}
		run(endpoint, warmup);
		settle();

		// the floor: signed requests checked, parsed and routed by Bolt, no work queued (an unregistered command: 404)
		List<String> bare = new ArrayList<>();
		for (int i = 0; i < DECLARATIONS; i++) {
			bare.add(requests.command("help", PRIYA, "C0BARE").replace("command=%2Fincident", "command=%2Felsewhere"));
		}
		Phase floor = run(endpoint, bare);
		// the machine's own floor: the same load on a plain Spring MVC endpoint, nothing Slack
		Phase health = run(URI.create("http://127.0.0.1:" + port + "/actuator/health"), java.util.Collections.nCopies(DECLARATIONS, null));

		int mark = slack.mark();
		List<String> declarations = new ArrayList<>();
		for (int i = 0; i < DECLARATIONS; i++) {
			declarations.add(requests.command("ai-outage sev3 ticket-routing", PRIYA, "C0BENCH" + i));
		}
		Phase declare = run(endpoint, declarations);
		List<FakeSlackApi.Call> steps = awaitLong("every first step posted", () -> {
			List<FakeSlackApi.Call> posted = slack.since(mark, "chat.postMessage", c -> c.ts() != null && c.blockTypes().contains("actions") && c.text().contains("Triage"));
			return posted.size() >= DECLARATIONS ? posted : null;
		});

		List<String> clicks = new ArrayList<>();
		for (FakeSlackApi.Call step : steps) {
			String id = step.text().replaceAll("(?s)^.*?INC-(\\d+).*$", "$1");
			clicks.add(requests.click(step, step.ts(), "choose/" + id + "/triage/1", PRIYA));
		}
		Phase click = run(endpoint, clicks);
		int clickMark = slack.mark();
		awaitLong("every click applied", () -> slack.since(clickMark, "chat.postMessage", c -> c.blockTypes().contains("actions") && c.text().contains("Hard outage"))
			.size() >= DECLARATIONS ? true : null);

		// every request did real work, once
		var created = incidents.list(false, 100_000);
		assertThat(created).hasSize(incidentsBefore + DECLARATIONS);
		long advanced = created.stream().filter(i -> "hard-outage".equals(i.currentStep())).count();
		assertThat(advanced).isEqualTo(DECLARATIONS);
		assertThat(events(created.get(0).id(), EventType.CHOICE_MADE)).hasSize(1);

		long[] all = concat(declare.latencies(), click.latencies());
		String report = String.join("\n", "Slack ack latency, " + (declarations.size() + clicks.size()) + " signed requests, "
				+ CONCURRENCY + " concurrent connections, loopback, " + Runtime.getRuntime().availableProcessors() + " cores",
				line("reference: GET health", health), line("floor: verify+route, no work", floor), line("slash commands (declare)", declare), line("clicks (advance)", click),
				line("all", new Phase(all, declare.wallNanos() + click.wallNanos(), declare.non200() + click.non200())), "");
		System.out.println(report);
		Files.writeString(Path.of("target", "slack-ack-bench.txt"), report);
	}

	private record Phase(long[] latencies, long wallNanos, int non200) {
	}

	private static String line(String what, Phase phase) {
		long[] sorted = phase.latencies().clone();
		Arrays.sort(sorted);
		return String.format("%-30s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  %.0f requests/s  non-200=%d", what,
				sorted.length, ms(sorted[(int) (sorted.length * 0.50)]), ms(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))]),
				ms(sorted[sorted.length - 1]), sorted.length / (phase.wallNanos() / 1e9), phase.non200());
	}

	private Phase run(URI endpoint, List<String> bodies) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		long[] latencies = new long[bodies.size()];
		int[] statuses = new int[bodies.size()];
		long start = System.nanoTime();
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < bodies.size(); i++) {
				int n = i;
				sent.add(pool.submit(() -> {
					String body = bodies.get(n);
					long ts = System.currentTimeMillis() / 1000;
					HttpRequest request = body == null ? HttpRequest.newBuilder(endpoint).GET().build() : HttpRequest.newBuilder(endpoint)
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, String.valueOf(ts))
						.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, SignedRequests.sign(ts, body))
						.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
						.build();
					long t0 = System.nanoTime();
					HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
					latencies[n] = System.nanoTime() - t0;
					statuses[n] = answer.statusCode();
					return null;
				}));
			}
			for (Future<?> f : sent) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long wall = System.nanoTime() - start;
		return new Phase(latencies, wall, (int) Arrays.stream(statuses).filter(s -> s != 200).count());
	}

	private static <T> T awaitLong(String what, java.util.function.Supplier<T> probe) {
		long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < end) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("timed out waiting for " + what);
	}

	private static long[] concat(long[] a, long[] b) {
		long[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

}
