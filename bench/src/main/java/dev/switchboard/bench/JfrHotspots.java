package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A poor man's profile report from a JFR recording ({@code -XX:StartFlightRecording}): execution
 * samples counted by top frame (self time), by the first frame outside the JDK (so time in
 * {@code java.util.regex} is charged to whoever ran the pattern), by Switchboard method and by any
 * method anywhere on the stack (inclusive time), and by library package (inclusive).
 */
final class JfrHotspots {

	private JfrHotspots() {
	}

	static void print(Path recording, int top) throws IOException {
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		Map<String, Integer> packages = new HashMap<>();
		Map<String, Integer> firstOutsideJdk = new HashMap<>();
		Map<String, Integer> all = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
			frames.stream()
				.map(f -> name(f.getMethod()))
				.filter(n -> !n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun."))
				.findFirst()
				.ifPresent(n -> firstOutsideJdk.merge(n, 1, Integer::sum));
			Set<String> seenAll = new HashSet<>();
			frames.forEach(f -> seenAll.add(name(f.getMethod())));
			seenAll.forEach(m -> all.merge(m, 1, Integer::sum));
			Set<String> seenOurs = new HashSet<>();
			Set<String> seenPackages = new HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame.getMethod());
				if (name.startsWith("dev.switchboard.") && !name.startsWith("dev.switchboard.bench.")) {
					seenOurs.add(name);
				}
				seenPackages.add(component(frame.getMethod().getType().getName()));
			}
			seenOurs.forEach(m -> ours.merge(m, 1, Integer::sum));
			seenPackages.forEach(p -> packages.merge(p, 1, Integer::sum));
		}
		System.out.printf("%d execution samples%n", samples);
		table("self (top frame)", self, samples, top);
		table("self, charged to the first non-JDK frame", firstOutsideJdk, samples, top);
		table("inclusive, Switchboard methods", ours, samples, top);
		table("inclusive, any method", all, samples, top);
		table("inclusive, by package", packages, samples, top);
	}

	private static void table(String title, Map<String, Integer> counts, int samples, int top) {
		System.out.printf("%n| %s | samples | %% |%n|---|---:|---:|%n", title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach(e -> System.out.printf("| `%s` | %d | %.1f |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / samples));
	}

	private static String name(RecordedMethod method) {
		return method.getType().getName() + "." + method.getName();
	}

	/** The first three segments of a class's package: {@code com.vladsch.flexmark}, {@code java.util.regex}. */
	private static String component(String className) {
		String[] parts = className.split("\\.");
		int n = Math.min(parts.length - 1, 3);
		return n <= 0 ? className : String.join(".", List.of(parts).subList(0, n));
	}
}
