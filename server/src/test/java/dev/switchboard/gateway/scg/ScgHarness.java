package dev.switchboard.gateway.scg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Spring Cloud Gateway of the scg-harness module, started once per test JVM as a child
 * process on 127.0.0.1 and a free port, and killed when the JVM exits (it also exits by itself
 * when this JVM dies without running shutdown hooks). Its jar is built by the
 * reactor before the server's tests ({@code scg.harness.jar}, set by surefire); it never enters
 * this module's classpath.
 */
final class ScgHarness {

	private static final Pattern PORT = Pattern.compile("SCG-HARNESS-PORT=(\\d+)");

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static ScgHarness shared;

	private final Process process;

	private final URI base;

	private ScgHarness(Process process, URI base) {
		this.process = process;
		this.base = base;
	}

	/** The gateway every test class shares (started on first use: about 6.5 s). */
	static synchronized ScgHarness shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "scg-harness-stop"));
		}
		return shared;
	}

	URI base() {
		return base;
	}

	private static ScgHarness start() {
		Path jar = Path.of(System.getProperty("scg.harness.jar", "../scg-harness/target/scg-harness.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no Spring Cloud Gateway harness at " + jar.toAbsolutePath()
					+ ": build it with the reactor (./mvnw -B verify, or -pl server -am), which builds scg-harness first");
		}
		try {
			Path log = Files.createDirectories(Path.of("target")).resolve("scg-harness.log");
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
					"-Xss512k", "-Dharness.parent-pid=" + ProcessHandle.current().pid(), "-jar", jar.toAbsolutePath().toString(), "--server.address=127.0.0.1", "--server.port=0"))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ScgHarness(process, URI.create("http://127.0.0.1:" + awaitPort(process, log)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int awaitPort(Process process, Path log) throws IOException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			String text = Files.readString(log, StandardCharsets.UTF_8);
			Matcher port = PORT.matcher(text);
			if (port.find()) {
				return Integer.parseInt(port.group(1));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("the SCG harness exited with " + process.exitValue() + ":\n" + text);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("the SCG harness did not start within " + STARTUP + "; see " + log);
	}

	private void stop() {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
