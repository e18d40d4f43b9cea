package dev.switchboard.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step ids are GitHub's heading anchors: checked against npm {@code github-slugger} over every
 * heading of every shipped and test runbook, with the headings' text taken from the rendered
 * HTML (see {@link GitHubRendering}), not from the runbook parser.
 */
class GitHubSlugsTests {

	static final Path SHIPPED = Path.of("../runbooks").toAbsolutePath().normalize();

	static final Path TEST_RESOURCES = Path.of("src/test/resources").toAbsolutePath();

	@Test
	void everyHeadingOfEveryShippedAndTestRunbookHasTheAnchorGitHubSluggerGivesIt() {
		List<Path> files = markdownFiles();
		Map<Path, GitHubRendering.Page> pages = GitHubRendering.render(files);
		int headings = 0;
		int steps = 0;
		for (GitHubRendering.Page page : pages.values()) {
			String name = page.file().getFileName().toString();
			Runbook runbook = new RunbookParser().parse(name, name, GitHubRendering.read(page.file())).runbook();
			GitHubSlugger ours = new GitHubSlugger();
			assertThat(page.headingTexts().stream().map(ours::slug).toList()).as("slugs of %s", page.file())
				.isEqualTo(page.headingAnchors());
			assertThat(runbook.anchors()).as("anchors lint accepts in %s", page.file())
				.containsAll(page.headingAnchors());
			headings += page.headingAnchors().size();
			List<String> stepAnchors = stepHeadingAnchors(page);
			assertThat(runbook.steps()).as("steps of %s", page.file()).hasSameSizeAs(stepAnchors);
			for (int i = 0; i < stepAnchors.size(); i++) {
				Step step = runbook.steps().get(i);
				String gitHub = stepAnchors.get(i);
				if (step.id().equals(gitHub)) {
					continue;
				}
				assertThat(step.anchors()).as("%s: step '%s' (explicit id) also answers to GitHub's anchor", name, step.id())
					.contains(gitHub);
				assertThat(page.anchors().contains(step.id()) || page.headingTexts().stream().anyMatch(t -> t.contains("{#" + step.id() + "}")))
					.as("%s: step '%s' differs from GitHub's anchor '%s' only because it has an explicit id", name, step.id(), gitHub)
					.isTrue();
			}
			steps += stepAnchors.size();
		}
		assertThat(pages).as("shipped and test runbooks").hasSizeGreaterThan(40);
		assertThat(headings).isGreaterThan(150);
		assertThat(steps).isGreaterThan(100);
	}

	@Test
	void headingsWithPunctuationRepeatsAndOtherScriptsSlugAsGitHubSluggerDoes() {
		List<String> headings = List.of("Triage: what is failing?", "Is it throttling?", "Check", "Check", "Check-1",
				"Check 1", "Café à la carte", "Über-Prüfung (DE)", "Заголовок на русском", "日本語の見出し", "Emoji 🚀 launch",
				"ⓐ circled and ｆｕｌｌｗｉｄｔｈ", "x² and ½ and 3rd", "snake_case and kebab-case", "  leading and trailing  ",
				"Tabs\tand\u00a0no-break spaces", "Dots... and — dashes – here", "C++ / C# & F#", "100 % of 5xx",
				"Switch to the secondary route {#switch-route}", "İstanbul ΣΊΣΥΦΟΣ", "ǅemal", "क्षत्रिय", "العربية",
				"Zero\u200bwidth\u200djoiner", "", "-", "--", "-");
		GitHubSlugger ours = new GitHubSlugger();

		assertThat(headings.stream().map(ours::slug).toList()).isEqualTo(GitHubSlugs.of(List.of(headings)).get(0));
	}

	/** The anchors of the top-level {@code h2}s: the headings that are steps. */
	private static List<String> stepHeadingAnchors(GitHubRendering.Page page) {
		var doc = GitHubRendering.html(GitHubRendering.read(page.file()));
		var all = doc.select("h1, h2, h3, h4, h5, h6");
		List<String> anchors = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).tagName().equals("h2") && all.get(i).parent() == doc.body()) {
				anchors.add(page.headingAnchors().get(i));
			}
		}
		return anchors;
	}

	/** Every markdown file of the shipped runbooks and of the test resources that is UTF-8 (one is not, on purpose). */
	static List<Path> markdownFiles() {
		try (Stream<Path> shipped = Files.list(SHIPPED); Stream<Path> test = Files.walk(TEST_RESOURCES)) {
			return Stream.concat(shipped, test)
				.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equalsIgnoreCase("README.md"))
				.filter(GitHubSlugsTests::utf8)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean utf8(Path file) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
