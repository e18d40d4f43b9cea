package dev.switchboard.ownership;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import dev.switchboard.lint.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Generated input: random YAML-ish text and random mutations of the shipped ownership.yaml. Whatever
 * an author's editor or a bad merge produces, the loader reports findings at real lines and never
 * throws, and the best-effort registry it returns answers every query. Seeds are fixed, so a
 * failure names the seed that replays it.
 */
class OwnershipLoaderGeneratedInputTests {

	private static final long FIRST_SEED = 20260329L;

	private static final int CASES = 250;

	private static final String SHIPPED = OwnershipFixtures.read(OwnershipFixtures.SHIPPED);

	/** Fragments that stress a YAML reader: structure, anchors and aliases, tags, odd scalars, control characters. */
	private static final List<String> TOKENS = List.of("\t", ":", ": ", " :", "-", "- ", "? ", ",", "[", "]", "{", "}",
			"#", "'", "\"", "|", ">", "&a ", "*a", "&a [*a]", "&a {k: *a}", "<<: *a", "*undefined", "!!int ", "!!str ",
			"!!binary ", "!!python/object:os.system ", "!local ", "---\n", "...\n", "%YAML 1.1\n", "\n", "\n  ", "  ",
			"99999999999999999999", "-99999999999999999999", "1e400", "0x1F", "0o17", "1_000", ".inf", ".nan", "~", "null",
			"yes", "off", "2026-02-30", "25:00", "12:00", "2026-03-29T02:30", "Europe/Nowhere", "0d", "999999w", "é",
			"\u00a0", "\ufeff", "\u0007", "\u0000", "\ud83d", "\ud83d\ude80", "\\", "/", "~1", "~2", "%", "@", "`");

	private static final List<String> SECTIONS = List.of("people", "teams", "rotations", "roles", "permissions",
			"services", "escalation", "vendors");

	private static final List<String> WORDS = List.of("people", "teams", "rotations", "roles", "permissions", "services",
			"escalation", "vendors", "id", "name", "members", "start", "handoff", "zone", "length", "overrides", "person",
			"from", "to", "rotation", "team", "route_change", "who", "tiers", "second_approver", "model_change", "risk",
			"approvers", "tier", "on_call", "route", "primary", "secondary", "human_queue", "sev1", "sev2", "page",
			"notify", "ack_timeout", "escalate_to", "models", "support", "kind", "value", "ada", "amelie-laurent",
			"openai/gpt-4.1", "Europe/Paris", "\"09:00\"", "1w", "5m", "1", "3");

	static LongStream seeds() {
		return LongStream.range(FIRST_SEED, FIRST_SEED + CASES);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void survivesRandomMutationsOfTheShippedFile(long seed) {
		Random random = new Random(seed);
		String text = SHIPPED;
		int mutations = 1 + random.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			text = mutate(text, random);
		}
		assertSurvives(text, seed);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void survivesRandomYamlishText(long seed) {
		assertSurvives(yamlish(new Random(seed)), seed);
	}

	@Test
	void stopsAliasesThatExpandBeyondAnyHandWrittenFile() {
		// 16 levels of three aliases each stays under SnakeYAML's alias limit but expands to 3^17 nodes
		StringBuilder text = new StringBuilder("people: &a0 [x, x, x]\n");
		for (int i = 1; i <= 16; i++) {
			text.append("k").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
				.append(", *a").append(i - 1).append("]\n");
		}
		List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> OwnershipFixtures.parse(text.toString(), "laughs.yaml").findings());

		assertThat(findings).extracting(Finding::rule).contains("yaml-syntax");
	}

	private static void assertSurvives(String text, long seed) {
		List<Finding> findings = new ArrayList<>();
		assertThatCode(() -> {
			OwnershipLoader.Loaded loaded = OwnershipFixtures.parse(text, "generated.yaml");
			findings.addAll(loaded.findings());
			askEverything(loaded.ownership());
		}).as(() -> "seed " + seed + " threw on:\n" + text).doesNotThrowAnyException();

		int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
		assertThat(findings).as(() -> "seed " + seed + ": " + findings + " on:\n" + text)
			.allSatisfy(f -> assertThat(f.line()).isBetween(1, lines));
	}

	/** Every query the bot and the linter ask, over everything the registry knows. */
	private static void askEverything(Ownership ownership) {
		Instant now = Instant.parse("2026-03-29T01:30:00Z");
		for (Service service : ownership.services()) {
			ownership.ownersOf(service.id(), now);
			ownership.vendorsOf(service.id());
			ownership.routeChangeAuthorities(service.id());
			ownership.requiresSecondApprover(service.id());
			ownership.serviceByRoute(service.id());
			for (String principal : ownership.principalIds()) {
				ownership.mayAuthorizeRouteChange(principal, service.id());
			}
		}
		for (String principal : ownership.principalIds()) {
			ownership.peopleNow(principal, now);
			ownership.pool(principal);
		}
		for (String severity : ownership.escalationLevels().keySet()) {
			ownership.escalationFor(severity, now);
		}
		for (Rotation rotation : ownership.rotations()) {
			rotation.shiftAt(now);
		}
	}

	private static String mutate(String text, Random random) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		if (lines.isEmpty()) {
			return token(random);
		}
		int at = random.nextInt(lines.size());
		String line = lines.get(at);
		switch (random.nextInt(8)) {
			case 0 -> lines.remove(at);
			case 1 -> lines.add(at, line);
			case 2 -> lines.set(at, swapAdjacent(line, random));
			case 3 -> lines.set(at, insert(line, token(random), random));
			case 4 -> {
				int other = random.nextInt(lines.size());
				lines.set(at, lines.get(other));
				lines.set(other, line);
			}
			case 5 -> {
				int colon = line.indexOf(": ");
				lines.set(at, colon < 0 ? line + token(random) : line.substring(0, colon + 2) + token(random));
			}
			case 6 -> lines.set(at, " ".repeat(random.nextInt(5)) + line.strip());
			default -> lines.set(at, insert(line, "&a ", random) + " *a");
		}
		return String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
	}

	private static String swapAdjacent(String line, Random random) {
		if (line.length() < 2) {
			return line;
		}
		int i = random.nextInt(line.length() - 1);
		char[] chars = line.toCharArray();
		char c = chars[i];
		chars[i] = chars[i + 1];
		chars[i + 1] = c;
		return new String(chars);
	}

	private static String insert(String line, String fragment, Random random) {
		int i = random.nextInt(line.length() + 1);
		return line.substring(0, i) + fragment + line.substring(i);
	}

	private static String token(Random random) {
		return TOKENS.get(random.nextInt(TOKENS.size()));
	}

	private static String word(Random random) {
		return WORDS.get(random.nextInt(WORDS.size()));
	}

	/**
	 * A random tree of maps, lists and scalars with the schema's words for keys, written as block
	 * YAML, then a few random fragments inserted anywhere: mostly well-formed, so that the schema
	 * and reference checks run on odd shapes rather than the parser rejecting everything.
	 */
	private static String yamlish(Random random) {
		StringBuilder out = new StringBuilder();
		map(out, random, 0, 0, false);
		String text = out.toString();
		int insertions = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
		for (int i = 0; i < insertions; i++) {
			text = insert(text, token(random), random);
		}
		return text;
	}

	private static void map(StringBuilder out, Random random, int indent, int depth, boolean continuesLine) {
		int keys = 1 + random.nextInt(depth == 0 ? 8 : 4);
		for (int k = 0; k < keys; k++) {
			if (!(continuesLine && k == 0)) {
				out.append(" ".repeat(indent));
			}
			out.append(depth == 0 ? SECTIONS.get(random.nextInt(SECTIONS.size())) : word(random)).append(':');
			value(out, random, indent, depth);
		}
	}

	private static void value(StringBuilder out, Random random, int indent, int depth) {
		int items = 1 + random.nextInt(3);
		switch (depth >= 4 ? 0 : random.nextInt(5)) {
			case 0 -> out.append(' ').append(scalar(random)).append('\n');
			case 1 -> out.append(" [").append(scalar(random)).append(", ").append(scalar(random)).append("]\n");
			case 2 -> {
				out.append('\n');
				map(out, random, indent + 2, depth + 1, false);
			}
			case 3 -> {
				out.append('\n');
				for (int i = 0; i < items; i++) {
					out.append(" ".repeat(indent + 2)).append("- ").append(scalar(random)).append('\n');
				}
			}
			default -> {
				out.append('\n');
				for (int i = 0; i < items; i++) {
					out.append(" ".repeat(indent + 2)).append("- ");
					map(out, random, indent + 4, depth + 1, true);
				}
			}
		}
	}

	private static String scalar(Random random) {
		return random.nextInt(8) == 0 ? token(random).strip() + word(random) : word(random);
	}
}
