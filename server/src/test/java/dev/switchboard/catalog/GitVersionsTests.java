package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.runbook.RunbookVersion;

class GitVersionsTests {

	@TempDir
	Path repo;

	@Test
	void givesEachFileTheLastCommitThatChangedItAndFlagsLocalChanges() throws Exception {
		Path runbooks = Files.createDirectories(repo.resolve("runbooks"));
		git("init", "-q");
		Files.writeString(runbooks.resolve("a.md"), "a v1");
		Files.writeString(runbooks.resolve("b.md"), "b v1");
		git("add", ".");
		git("commit", "-q", "-m", "first");
		String first = git("rev-parse", "HEAD");
		Files.writeString(runbooks.resolve("b.md"), "b v2");
		Files.writeString(repo.resolve("elsewhere.txt"), "not a runbook");
		git("add", ".");
		git("commit", "-q", "-m", "second");
		String second = git("rev-parse", "HEAD");
		Files.writeString(runbooks.resolve("a.md"), "a v2, not committed");
		Files.writeString(runbooks.resolve("new.md"), "never committed");

		GitVersions versions = GitVersions.of(runbooks, List.of("a.md", "b.md", "new.md"));

		assertThat(versions.version("a.md", "sha-a")).isEqualTo(new RunbookVersion("sha-a", first, true));
		assertThat(versions.version("b.md", "sha-b")).isEqualTo(new RunbookVersion("sha-b", second, false));
		assertThat(versions.version("new.md", "sha-n")).isEqualTo(new RunbookVersion("sha-n", null, false));
	}

	@Test
	void outsideACheckoutAVersionIsTheContentHashAlone() throws IOException {
		Path plain = Files.createDirectories(repo.resolve("plain"));
		Files.writeString(plain.resolve("a.md"), "a");

		assertThat(GitVersions.of(plain, List.of("a.md")).version("a.md", "sha-a"))
			.isEqualTo(new RunbookVersion("sha-a", null, false));
	}

	private String git(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test",
				"-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("git %s: %s", List.of(args), out).isZero();
		return out;
	}
}
