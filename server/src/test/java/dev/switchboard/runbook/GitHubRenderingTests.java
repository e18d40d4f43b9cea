package dev.switchboard.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped runbooks read right on GitHub: rendered the way GitHub renders them (see
 * {@link GitHubRendering}), every link with a fragment, in the file or into another runbook,
 * lands on an anchor the rendered target page has.
 */
class GitHubRenderingTests {

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//).*");

	/** A broken link: where it is written, what it points at. */
	record Broken(String file, String href) {
	}

	@Test
	void everyLinkOfEveryShippedRunbookLandsOnAnAnchorOfTheRenderedPage() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(GitHubSlugsTests.SHIPPED)) {
			files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
		}
		Checked checked = check(files);

		assertThat(checked.broken()).isEmpty();
		assertThat(checked.inFile()).as("links to a step of the same runbook").isGreaterThan(60);
		assertThat(checked.crossFile()).as("links into another runbook").isGreaterThanOrEqualTo(3);
	}

	@Test
	void theOldExplicitIdsLeaveTheirLinksGoingNowhereOnGitHub(@TempDir Path dir) throws IOException {
		// the shipped runbooks as they were before lint --fix: what this test exists to catch
		List<Path> files = new ArrayList<>();
		try (Stream<Path> list = Files.list(GitHubSlugsTests.SHIPPED)) {
			for (Path file : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
				Path old = dir.resolve(file.getFileName());
				Files.writeString(old, OldHeadingIds.restore(Files.readString(file)));
				files.add(old);
			}
		}
		Checked checked = check(files);

		assertThat(checked.broken()).contains(new Broken("ai-outage.md", "#switch-route"),
				new Broken("ai-outage.md", "format-drift.md#confirm-drift"));
		assertThat(checked.broken()).as("no step link works").hasSize(checked.inFile() + checked.crossFile());
	}

	private record Checked(List<Broken> broken, int inFile, int crossFile) {
	}

	private static Checked check(List<Path> files) {
		Map<Path, GitHubRendering.Page> pages = GitHubRendering.render(files);
		List<Broken> broken = new ArrayList<>();
		int inFile = 0;
		int crossFile = 0;
		for (GitHubRendering.Page page : pages.values()) {
			for (String href : page.hrefs()) {
				if (SCHEME.matcher(href).matches()) {
					continue;
				}
				int hash = href.indexOf('#');
				String path = URLDecoder.decode(hash < 0 ? href : href.substring(0, hash), StandardCharsets.UTF_8);
				String fragment = hash < 0 ? null : URLDecoder.decode(href.substring(hash + 1), StandardCharsets.UTF_8);
				Path target = path.isEmpty() ? page.file() : page.file().resolveSibling(path).normalize();
				String name = page.file().getFileName().toString();
				if (!Files.exists(target)) {
					broken.add(new Broken(name, href));
					continue;
				}
				if (fragment == null) {
					continue;
				}
				GitHubRendering.Page landing = pages.get(target);
				if (landing == null) {
					landing = GitHubRendering.render(List.of(target)).get(target);
				}
				if (target.equals(page.file())) {
					inFile++;
				}
				else {
					crossFile++;
				}
				if (!landing.anchors().contains(fragment)) {
					broken.add(new Broken(name, href));
				}
			}
		}
		return new Checked(broken, inFile, crossFile);
	}

	static Path shipped(String name) {
		Path file = GitHubSlugsTests.SHIPPED.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new UncheckedIOException(new IOException("no shipped runbook " + file));
		}
		return file;
	}
}
