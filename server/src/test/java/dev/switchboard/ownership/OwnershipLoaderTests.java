package dev.switchboard.ownership;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.switchboard.lint.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class OwnershipLoaderTests {

	static Stream<String> brokenFiles() {
		return OwnershipFixtures.brokenFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFiles")
	void reportsTheDefectOfEachBrokenFileAtItsLineWithItsRule(String name) {
		String text = OwnershipFixtures.broken(name);
		Set<String> expected = OwnershipFixtures.expectations(text);
		assertThat(expected).as("%s declares no '# expect: <line> <rule>' comment", name).isNotEmpty();

		List<Finding> findings = new ArrayList<>();
		assertThatCode(() -> findings.addAll(OwnershipFixtures.parse(text, name).findings())).as(name)
			.doesNotThrowAnyException();

		assertThat(findings.stream().map(f -> f.line() + " " + f.rule()).collect(Collectors.toSet()))
			.as("%s: findings %s", name, findings)
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(findings).as(name).allMatch(Finding::isError);
		assertThat(findings.stream().map(f -> f.line() + " " + f.rule()).toList())
			.as("%s: one finding per mistake, not one per pass (schema, then loader): %s", name, findings)
			.doesNotHaveDuplicates();
	}

	@Test
	void findsBrokenFixtures() {
		assertThat(brokenFiles()).hasSizeGreaterThanOrEqualTo(25);
	}

	@Test
	void loadsTheShippedOwnershipFileWithoutFindings() {
		OwnershipLoader.Loaded loaded = new OwnershipLoader().load(OwnershipFixtures.SHIPPED, "ownership.yaml");

		assertThat(loaded.findings()).isEmpty();
		assertThat(loaded.valid()).isTrue();
		assertThat(loaded.ownership().people()).hasSize(13);
		assertThat(loaded.ownership().services()).extracting(Service::id)
			.containsExactly("invoice-extraction", "support-replies", "ticket-routing");
		assertThat(loaded.ownership().rotations()).extracting(Rotation::id)
			.containsExactly("ai-platform-primary", "workflow-failure");
	}

	@Test
	void loadsTheMinimalFixtureWithoutFindings() {
		String text = OwnershipFixtures.read(OwnershipFixtures.resource("minimal.yaml"));

		assertThat(OwnershipFixtures.parse(text, "minimal.yaml").findings()).isEmpty();
	}

	@Test
	void readsRotationsIntoTypedValues() {
		Rotation primary = new OwnershipLoader().load(OwnershipFixtures.SHIPPED, "ownership.yaml")
			.ownership()
			.rotation("ai-platform-primary")
			.orElseThrow();

		assertThat(primary.lengthDays()).isEqualTo(7);
		assertThat(primary.zone()).hasToString("Europe/Paris");
		assertThat(primary.handoff()).hasToString("09:00");
		assertThat(primary.start()).hasToString("2026-01-05");
		assertThat(primary.overrides()).singleElement()
			.satisfies(o -> assertThat(o.person()).isEqualTo("lucas-bernard"));
	}

	@Test
	void pointsAtTheLineOfANodeByJsonPointer() {
		OwnershipLoader.Loaded loaded = new OwnershipLoader().load(OwnershipFixtures.SHIPPED, "ownership.yaml");
		List<String> lines = OwnershipFixtures.read(OwnershipFixtures.SHIPPED).lines().toList();

		assertThat(lines.get(loaded.lineOf("/services/1/tier") - 1)).isEqualTo("    tier: 2");
		assertThat(lines.get(loaded.lineOf("/rotations/1/zone") - 1)).isEqualTo("    zone: America/New_York");
	}

	@Test
	void reportsAMissingFileInsteadOfThrowing() {
		OwnershipLoader.Loaded loaded = new OwnershipLoader().load(Path.of("no-such-dir", "ownership.yaml"), "ownership.yaml");

		assertThat(loaded.findings()).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("unreadable");
			assertThat(f.line()).isEqualTo(1);
		});
		assertThat(loaded.ownership()).isSameAs(Ownership.EMPTY);
	}

	@Test
	void keepsTheReadableEntriesOfABrokenFile() {
		Ownership ownership = OwnershipFixtures.parse(OwnershipFixtures.broken("bad-zone.yaml"), "bad-zone.yaml").ownership();

		assertThat(ownership.people()).extracting(Person::id).containsExactly("ada", "bob", "cy");
		assertThat(ownership.rotation("primary")).isEmpty();
		assertThat(ownership.service("extraction")).isPresent();
	}
}
