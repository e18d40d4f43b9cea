package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;

/**
 * A folder of runbooks to lint: copies of the shipped runbooks (ownership.yaml's {@code services[].runbooks}
 * name them, so they must be present) plus generated ones shaped like them. Every name a generated
 * runbook uses is read from the real ownership.yaml, so the folder lints clean and the benchmark times
 * the path authors hit, not the error path. The same seed and count always give the same files.
 */
final class RunbookCorpus {

	private static final String[] TOPICS = { "provider-outage", "prompt-drift", "queue-backlog", "latency-spike",
			"quota-exhaustion", "schema-failures", "misrouting", "embedding-drift", "ocr-failures", "vendor-deprecation" };

	/** The names a runbook may use. */
	record Registry(List<String> teams, List<String> mentionable, List<String> pageable, List<Service> services,
			List<String> vendors) {

		static Registry of(Ownership o) {
			List<String> teams = o.teams().stream().map(t -> t.id()).toList();
			List<String> roles = o.roles().stream().map(r -> r.id()).toList();
			List<String> mentionable = new ArrayList<>(roles);
			mentionable.addAll(teams);
			o.people().forEach(p -> mentionable.add(p.id()));
			List<String> pageable = new ArrayList<>(roles);
			pageable.addAll(teams);
			return new Registry(teams, List.copyOf(mentionable), List.copyOf(pageable), o.services(),
					o.vendors().stream().map(v -> v.id()).toList());
		}
	}

	/** What was written: file count, generated count and total bytes. */
	record Written(int files, int generated, long bytes) {
	}

	private final Registry registry;

	private final Path shippedDir;

	private final LocalDate today;

	private final long seed;

	RunbookCorpus(Registry registry, Path shippedDir, LocalDate today, long seed) {
		this.registry = registry;
		this.shippedDir = shippedDir;
		this.today = today;
		this.seed = seed;
	}

	/** Writes {@code count} runbooks into {@code dir} (emptied of *.md first): the shipped ones, then generated ones. */
	Written write(Path dir, int count) {
		try {
			Files.createDirectories(dir);
			try (Stream<Path> old = Files.list(dir)) {
				for (Path file : old.filter(p -> p.getFileName().toString().endsWith(".md")).toList()) {
					Files.delete(file);
				}
			}
			List<Path> shipped;
			try (Stream<Path> files = Files.list(shippedDir)) {
				shipped = files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
			}
			long bytes = 0;
			for (Path file : shipped.subList(0, Math.min(count, shipped.size()))) {
				bytes += Files.size(Files.copy(file, dir.resolve(file.getFileName())));
			}
			int generated = Math.max(0, count - shipped.size());
			for (int i = 0; i < generated; i++) {
				byte[] text = runbook(i, generated).getBytes(StandardCharsets.UTF_8);
				Files.write(dir.resolve(fileName(i) + ".md"), text);
				bytes += text.length;
			}
			return new Written(Math.min(count, shipped.size()) + generated, generated, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String fileName(int index) {
		return String.format("gen-%05d-%s", index, TOPICS[index % TOPICS.length]);
	}

	/** One generated runbook: the {@code index}-th of {@code count}. */
	String runbook(int index, int count) {
		Random random = new Random(seed * 1_000_003L + index);
		String id = fileName(index);
		List<Service> services = pick(random, registry.services(), 1 + random.nextInt(registry.services().size()));
		String crossLink = count > 1 ? fileName((index + 1 + random.nextInt(count - 1)) % count) + ".md#triage" : null;
		RunbookText text = new RunbookText(random, registry, services, crossLink);
		return text.render(frontMatter(random, index, id, services), title(index));
	}

	private String frontMatter(Random random, int index, String id, List<Service> services) {
		String topic = TOPICS[index % TOPICS.length];
		StringBuilder out = new StringBuilder("---\n");
		out.append("id: ").append(id).append('\n');
		out.append("title: ").append(title(index)).append('\n');
		out.append("summary: ").append(capitalize(topic.replace('-', ' ')))
			.append(" on ").append(String.join(", ", services.stream().map(Service::id).toList()))
			.append("; triage, pick fail-closed, fail-open, switch-route or degrade, verify and return to normal.\n");
		out.append("severity: sev").append(1 + random.nextInt(4)).append('\n');
		out.append("owner: ").append(registry.teams().get(random.nextInt(registry.teams().size()))).append('\n');
		out.append("services: [").append(String.join(", ", services.stream().map(Service::id).toList())).append("]\n");
		out.append("aliases: [").append(topic).append('-').append(index).append(", ").append(initials(topic)).append(index);
		if (random.nextBoolean()) {
			out.append(", drill-").append(index);
		}
		out.append("]\n");
		if (index % 3 == 0) {
			out.append("covers: [ai-outage]\n");
		}
		out.append("last_reviewed: ").append(today.minusDays(random.nextInt(150))).append('\n');
		return out.append("---\n").toString();
	}

	private static String title(int index) {
		return capitalize(TOPICS[index % TOPICS.length].replace('-', ' ')) + " (runbook " + index + ")";
	}

	private static String initials(String topic) {
		StringBuilder out = new StringBuilder();
		for (String word : topic.split("-")) {
			out.append(word.charAt(0));
		}
		return out.append('-').toString();
	}

	static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static <T> List<T> pick(Random random, List<T> from, int n) {
		List<T> pool = new ArrayList<>(from);
		java.util.Collections.shuffle(pool, random);
		return List.copyOf(pool.subList(0, Math.min(n, pool.size())));
	}
}
