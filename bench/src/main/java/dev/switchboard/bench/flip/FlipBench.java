package dev.switchboard.bench.flip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.incident.Walk;

/**
 * Flip overhead: the server's real engine (no bot, no web server) on an H2 file database, flipping
 * {@code support-replies} through the shipped sandbox gateway over loopback HTTP, then restoring it,
 * N times, each in a fresh incident walked to the step. Every gateway call goes through
 * {@link TimedGateway}, so each sample splits into verify (excluded: its window is policy, not
 * overhead), time inside the gateway (the sandbox's HTTP handling and its own route table writes) and
 * the rest: Switchboard's overhead (authorization, snapshots, plan, claims, timeline, lease, outcome).
 *
 * <pre>java -cp … dev.switchboard.bench.flip.FlipBench &lt;work dir&gt; &lt;flips&gt; &lt;warm-up flips&gt;</pre>
 */
public final class FlipBench {

	private static final Actor PRIYA = new Actor("priya-natarajan");

	/** The engine plus a timed decorator of the sandbox gateway serving every route. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ConfigurationPropertiesScan("dev.switchboard")
	@ComponentScan(basePackages = { "dev.switchboard.catalog", "dev.switchboard.gateway", "dev.switchboard.incident",
			"dev.switchboard.ownership", "dev.switchboard.runbook", "dev.switchboard.lint", "dev.switchboard.system",
			"dev.switchboard.drill" })
	static class App {

		@Bean
		TimedGateway timedGateway(SandboxGateway sandbox) {
			return new TimedGateway(sandbox);
		}
	}

	private FlipBench() {
	}

	public static void main(String[] args) {
		Path work = Path.of(args[0]);
		int flips = Integer.parseInt(args[1]);
		int warmup = Integer.parseInt(args[2]);
		String db = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		SpringApplication app = new SpringApplication(App.class);
		app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
		try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + db,
				"--switchboard.catalog.runbooks=runbooks", "--switchboard.catalog.ownership=ownership.yaml",
				"--switchboard.gateway.default-adapter=bench", "--switchboard.gateway.verify.probes=1",
				"--switchboard.gateway.verify.window=0s", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			Runner runner = new Runner(ctx.getBean(Declarations.class), ctx.getBean(Walk.class),
					ctx.getBean(StepActions.class), ctx.getBean(Incidents.class), ctx.getBean(TimedGateway.class));
			runner.run(warmup);
			List<Sample> samples = runner.run(flips);
			Report.print(samples, flips, warmup);
		}
	}

	/**
	 * One change: wall time of the whole request, the parts of it spent in verify and inside the gateway, and
	 * the CPU the calling thread used outside both (Switchboard's own work, H2 included: it runs embedded).
	 */
	record Sample(String kind, long wallNanos, long verifyNanos, long gatewayNanos, long cpuNanos, boolean succeeded) {

		long withoutVerify() {
			return wallNanos - verifyNanos;
		}

		long overhead() {
			return wallNanos - verifyNanos - gatewayNanos;
		}
	}

	private record Runner(Declarations declarations, Walk walk, StepActions actions, Incidents incidents,
			TimedGateway gateway) {

		List<Sample> run(int n) {
			List<Sample> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				long id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, false, null), PRIYA, null)
					.result()
					.id();
				walk.choose(id, null, "hard-outage", PRIYA, null);
				walk.choose(id, null, "switch-route", PRIYA, null);
				out.add(timed("flip", id, "switch-route"));
				walk.choose(id, null, "verify-secondary", PRIYA, null);
				walk.choose(id, null, "secondary-failing", PRIYA, null);
				out.add(timed("restore", id, "secondary-failing"));
			}
			return out;
		}

		private Sample timed(String kind, long id, String step) {
			gateway.reset();
			long cpu = TimedGateway.cpu();
			long start = System.nanoTime();
			actions.run(id, step, 2, PRIYA, null);
			long wall = System.nanoTime() - start;
			cpu = TimedGateway.cpu() - cpu - gateway.gatewayAndVerifyCpuNanos();
			List<TimelineEvent> timeline = incidents.timeline(id);
			boolean ok = timeline.get(timeline.size() - 1).type() == EventType.ACTION_SUCCEEDED;
			return new Sample(kind, wall, gateway.verifyNanos(), gateway.gatewayNanos(), cpu, ok);
		}
	}

	/** Percentiles in milliseconds. */
	static final class Report {

		private Report() {
		}

		static void print(List<Sample> samples, int flips, int warmup) {
			System.out.printf("%d flips + %d restores measured after %d + %d warm-up; sandbox gateway over loopback HTTP, H2 file%n",
					flips, flips, warmup, warmup);
			System.out.println("| change | n | ok | wall excl. verify p50 / p99 ms | in gateway p50 ms | Switchboard overhead p50 / p99 / max ms | Switchboard CPU p50 / p99 ms | verify p50 ms (excluded) |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			for (String kind : List.of("flip", "restore")) {
				List<Sample> of = samples.stream().filter(s -> s.kind().equals(kind)).toList();
				long ok = of.stream().filter(Sample::succeeded).count();
				System.out.printf("| %s | %d | %d | %.2f / %.2f | %.2f | %.2f / %.2f / %.2f | %.2f / %.2f | %.2f |%n", kind,
						of.size(), ok, p(of, Sample::withoutVerify, 50), p(of, Sample::withoutVerify, 99),
						p(of, Sample::gatewayNanos, 50), p(of, Sample::overhead, 50), p(of, Sample::overhead, 99),
						p(of, Sample::overhead, 100), p(of, Sample::cpuNanos, 50), p(of, Sample::cpuNanos, 99),
						p(of, Sample::verifyNanos, 50));
			}
		}

		private static double p(List<Sample> samples, java.util.function.ToLongFunction<Sample> f, int percentile) {
			long[] values = samples.stream().mapToLong(f).toArray();
			Arrays.sort(values);
			int at = (int) Math.ceil(percentile / 100.0 * values.length) - 1;
			return values[Math.max(0, Math.min(values.length - 1, at))] / 1e6;
		}
	}
}
