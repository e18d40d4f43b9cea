package dev.switchboard.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.catalog.CatalogLoader;
import dev.switchboard.lint.Finding;
import dev.switchboard.ownership.Ownership;

/** The golden lint rules, as {@code switchboard lint} and the server's reload both run them. */
class GoldenLoaderTests {

	private static final Ownership OWNERSHIP = new CatalogLoader().loadOwnership(Path.of("../ownership.yaml")).ownership();

	private final GoldenLoader loader = new GoldenLoader();

	@Test
	void loadsTheShippedSetsWithoutFindings() {
		List<GoldenLoader.CheckedFile> files = loader.check(Path.of("../goldens"), OWNERSHIP);

		assertThat(files).extracting(f -> f.set().service())
			.containsExactly("invoice-extraction", "support-replies", "ticket-routing");
		assertThat(files).flatExtracting(GoldenLoader.CheckedFile::findings).isEmpty();
		assertThat(files.get(0).set().threshold()).isEqualTo("4 of 4");
	}

	@Test
	void pointsEveryRuleAtItsLine(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("invoices.yaml"), """
				service: invoice-extractoin
				pass_at_least: 3
				cases:
				  - id: one
				    messages: [{role: user, content: hi}]
				    reference: '{"total": 10}'
				    assert:
				      - type: is-json
				        value: {type: 12}
				      - type: regex
				        value: "([a-z"
				      - type: within
				        path: /total
				        value: 12
				        tolerance: 1
				      - type: contains
				        value: refund now
				      - type: not-contains
				        value: refund
				""");

		List<Finding> findings = loader.check(dir, OWNERSHIP).get(0).findings();

		assertThat(findings).extracting(f -> f.line() + " " + f.rule()).containsExactlyInAnyOrder("1 unknown-service",
				"2 never-passes", "9 bad-schema", "11 bad-regex", "18 never-passes");
		assertThat(findings.get(0).message()).contains("invoice-extraction");
	}

	@Test
	void rejectsAnEmptySetAndAReferenceItsOwnChecksFail(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("ticket-routing.yaml"), """
				service: ticket-routing
				pass_at_least: 1
				cases: []
				""");
		Files.writeString(dir.resolve("support-replies.yaml"), """
				service: support-replies
				pass_at_least: 1
				cases:
				  - id: one
				    messages: [{role: user, content: hi}]
				    reference: Hello there
				    assert:
				      - type: one-of
				        value: [billing, technical]
				""");

		List<GoldenLoader.CheckedFile> files = loader.check(dir, OWNERSHIP);

		assertThat(files).allSatisfy(f -> assertThat(f.set()).isNull());
		assertThat(files).flatExtracting(GoldenLoader.CheckedFile::findings)
			.extracting(f -> f.file().replace(dir.toString(), "") + ":" + f.line() + " " + f.rule())
			.contains("/support-replies.yaml:8 reference-fails", "/ticket-routing.yaml:3 empty-set");
	}
}
