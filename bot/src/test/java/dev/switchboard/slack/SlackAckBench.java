package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.switchboard.incident.EventType;

/**
 * The acknowledgement latency of {@code /slack/events} under load (see bench/slack/README.md):
 * signed slash commands declaring real incidents, then signed clicks advancing each of them, 50
 * connections at a time over loopback, after an unmeasured warm-up round of the same kind. The requests are sent by {@link SlackLoadClient} in a
 * separate JVM (one per phase), so the server measured does not share its JVM with the load. With
 * {@code -Dbench.target=<url>} the same bodies (re-signed, same client) are then sent to another
 * app, the bare Bolt for JavaScript baseline of bench/slack/bolt-js, and both are reported side by
 * side. Not part of {@code verify} (the name matches no test pattern); run with
 * {@code bench/slack/run.sh}. Prints and writes {@code bot/target/slack-ack-bench.txt}; the bodies
 * are kept in {@code bot/target/slack-bench/}.
 */
@TestPropertySource(properties = { "switchboard.slack.queue=10000", "switchboard.slack.workers=8",
		"logging.level.dev.switchboard.slack=WARN" })
class SlackAckBench extends SlackTestSupport {

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);

	private static final int DECLARATIONS = Integer.getInteger("bench.declarations", 1000);

	private static final int WARMUP_DECLARATIONS = Integer.getInteger("bench.warmup", 300);

	/** Another app to send the same bodies to, e.g. http://127.0.0.1:3000/slack/events; none when blank. */
	private static final String TARGET = System.getProperty("bench.target", "").strip();

	private static final String TARGET_NAME = System.getProperty("bench.target.name", "other app");

	private final Path dir = Path.of("target", "slack-bench");

	@Test
	void acknowledgesSignedCommandsAndClicksUnderLoad() throws Exception {
		Files.createDirectories(dir);
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
		String endpoint = "http://127.0.0.1:" + port + "/slack/events";
		int incidentsBefore = incidents.list(false, 100_000).size();

		// warm-up, not measured: read-only commands, then a smaller round of declarations and clicks, so that
		// the JIT has compiled the ack path and the work behind it (in the profile, compiling took about a core
		// during the first rounds)
		List<String> warmup = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			warmup.add(requests.command("help", STRANGER, "C0WARM"));
		}
		Path warmupFile = write("warmup", warmup);
		run(endpoint, warmupFile);
		Round warm = round(endpoint, "warm", WARMUP_DECLARATIONS);
		Thread.sleep(5000);

		// the floor: signed requests checked, parsed and routed by Bolt, no work queued (an unregistered command: 404)
		List<String> bare = new ArrayList<>();
		for (int i = 0; i < DECLARATIONS; i++) {
			bare.add(requests.command("help", PRIYA, "C0BARE").replace("command=%2Fincident", "command=%2Felsewhere"));
		}
		Phase floor = run(endpoint, write("floor", bare));
		// the machine's own floor: the same load on a plain Spring MVC endpoint, nothing Slack
		Phase health = run("http://127.0.0.1:" + port + "/actuator/health", Path.of("get:" + DECLARATIONS));

		Round measured = round(endpoint, "", DECLARATIONS);
		Phase declare = measured.declare();
		Phase click = measured.click();
		List<String> declarations = Files.readAllLines(measured.declareFile());
		List<String> clicks = Files.readAllLines(measured.clickFile());

		// every request did real work, once
		var created = incidents.list(false, 100_000);
		assertThat(created).hasSize(incidentsBefore + WARMUP_DECLARATIONS + DECLARATIONS);
		long advanced = created.stream().filter(i -> "hard-outage".equals(i.currentStep())).count();
		assertThat(advanced).isEqualTo(WARMUP_DECLARATIONS + DECLARATIONS);
		assertThat(events(created.get(0).id(), EventType.CHOICE_MADE)).hasSize(1);

		List<String> report = new ArrayList<>();
		report.add("Slack ack latency, " + (declarations.size() + clicks.size()) + " signed requests, " + CONCURRENCY
				+ " concurrent connections, loopback, " + Runtime.getRuntime().availableProcessors() + " cores, client in its own JVM, "
				+ "after a warm-up of 300 commands + " + WARMUP_DECLARATIONS + " declarations and clicks (the same for both apps)");
		report.add("load average before: " + loadBefore);
		report.add("switchboard (Bolt for Java 1.47.0, real work after the ack)");
		report.add(line("reference: GET health", health));
		report.add(line("floor: verify+route, no work", floor));
		report.add(line("slash commands (declare)", declare));
		report.add(line("clicks (advance)", click));
		report.add(line("all", declare.and(click)));
		if (!TARGET.isEmpty()) {
			settle();
			run(TARGET, warmupFile);
			run(TARGET, warm.declareFile());
			run(TARGET, warm.clickFile());
			Thread.sleep(5000);
			Phase otherDeclare = run(TARGET, measured.declareFile());
			Phase otherClick = run(TARGET, measured.clickFile());
			report.add(TARGET_NAME + " (" + TARGET + "), the same bodies, re-signed");
			report.add(line("slash commands (ack only)", otherDeclare));
			report.add(line("clicks (ack only)", otherClick));
			report.add(line("all", otherDeclare.and(otherClick)));
			report.add("");
			report.add(String.format("%-10s %-50s %-50s", "", "switchboard", TARGET_NAME));
			report.add(side("commands", declare, otherDeclare));
			report.add(side("clicks", click, otherClick));
			report.add(side("all", declare.and(click), otherDeclare.and(otherClick)));
		}
		report.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
		String text = String.join("\n", report) + "\n";
		System.out.println(text);
		Files.writeString(Path.of("target", "slack-ack-bench.txt"), text);
	}

	/** The files of a round's bodies and how they were acknowledged. */
	private record Round(Path declareFile, Phase declare, Path clickFile, Phase click) {
	}

	/**
	 * {@code n} signed commands declaring incidents; once every first step is posted, a signed click on
	 * the first choice of each; waits until every click was applied.
	 */
	private Round round(String endpoint, String name, int n) throws Exception {
		int mark = slack.mark();
		String channels = name.isEmpty() ? "C0BENCH" : "C0" + name.toUpperCase(java.util.Locale.ROOT);
		List<String> declarations = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			declarations.add(requests.command("ai-outage sev3 ticket-routing", PRIYA, channels + i));
		}
		Path declareFile = write(name.isEmpty() ? "declare" : name + "-declare", declarations);
		Phase declare = run(endpoint, declareFile);
		List<FakeSlackApi.Call> steps = awaitLong("every first step posted", () -> {
			List<FakeSlackApi.Call> posted = slack.since(mark, "chat.postMessage", c -> c.ts() != null && c.blockTypes().contains("actions") && c.text().contains("Triage"));
			return posted.size() >= n ? posted : null;
		});
		List<String> clicks = new ArrayList<>();
		for (FakeSlackApi.Call step : steps) {
			String id = step.text().replaceAll("(?s)^.*?INC-(\\d+).*$", "$1");
			clicks.add(requests.click(step, step.ts(), "choose/" + id + "/triage/1", PRIYA));
		}
		Path clickFile = write(name.isEmpty() ? "click" : name + "-click", clicks);
		int clickMark = slack.mark(); // before the phase: clicks are applied while it runs
		Phase click = run(endpoint, clickFile);
		awaitLong("every click applied", () -> slack.since(clickMark, "chat.postMessage", c -> c.blockTypes().contains("actions") && c.text().contains("Hard outage"))
			.size() >= n ? true : null);
		return new Round(declareFile, declare, clickFile, click);
	}

	/** Latencies (ns), the phase's wall time and how many answers were not 200. */
	record Phase(long[] latencies, long wallNanos, int non200) {

		Phase and(Phase other) {
			long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
			System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
			return new Phase(all, wallNanos + other.wallNanos, non200 + other.non200);
		}

		double percentile(double p) {
			long[] sorted = latencies.clone();
			Arrays.sort(sorted);
			return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
		}

		double perSecond() {
			return latencies.length / (wallNanos / 1e9);
		}
	}

	private static String line(String what, Phase phase) {
		return String.format("  %-30s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  %.0f requests/s  non-200=%d", what,
				phase.latencies().length, phase.percentile(0.5), phase.percentile(0.99), phase.percentile(1.0), phase.perSecond(),
				phase.non200());
	}

	private static String side(String what, Phase ours, Phase theirs) {
		return String.format("%-10s %-50s %-50s", what, brief(ours), brief(theirs));
	}

	private static String brief(Phase p) {
		return String.format("p50 %.1f / p99 %.1f / max %.1f ms, %.0f/s", p.percentile(0.5), p.percentile(0.99), p.percentile(1.0),
				p.perSecond());
	}

	private Path write(String name, List<String> bodies) throws IOException {
		Path file = dir.resolve(name + ".txt");
		Files.write(file, bodies, StandardCharsets.UTF_8);
		return file;
	}

	/** One phase, sent by {@link SlackLoadClient} in its own JVM. */
	private Phase run(String url, Path bodies) throws Exception {
		Path out = Files.createTempFile(dir, "latencies-", ".txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process client = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-cp", Path.of("target", "test-classes").toString(),
				SlackLoadClient.class.getName(), url, bodies.toString(), String.valueOf(CONCURRENCY), out.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("client.log").toFile()))
			.start();
		if (!client.waitFor(5, TimeUnit.MINUTES) || client.exitValue() != 0) {
			client.destroyForcibly();
			throw new AssertionError("the load client failed on " + url + " " + bodies);
		}
		List<String> lines = Files.readAllLines(out);
		Files.delete(out);
		long wall = Long.parseLong(lines.get(0));
		long[] latencies = new long[lines.size() - 1];
		int non200 = 0;
		for (int i = 1; i < lines.size(); i++) {
			String[] parts = lines.get(i).split(" ");
			latencies[i - 1] = Long.parseLong(parts[0]);
			if (!parts[1].equals("200")) {
				non200++;
			}
		}
		return new Phase(latencies, wall, non200);
	}

	private static <T> T awaitLong(String what, java.util.function.Supplier<T> probe) {
		long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < end) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(1000); // the probe parses every recorded call: not too often, it shares the cores
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("timed out waiting for " + what);
	}
}
