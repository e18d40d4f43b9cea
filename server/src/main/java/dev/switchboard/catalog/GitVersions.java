package dev.switchboard.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.switchboard.runbook.RunbookVersion;

/**
 * The git commits of the runbook files of one folder, asked of the {@code git} command (no JGit: a
 * 3 MB library for two read-only questions). Outside a checkout, or without git, a version is the
 * content hash alone; this never fails a load.
 *
 * <p>Two processes per folder, not two per file: at 10,000 runbooks, per-file questions meant 20,000
 * processes on the server's first load. One {@code git log --name-only} walk, newest first, gives each
 * file's last commit (the walk stops once every file asked about is seen); one {@code git diff HEAD}
 * names the files changed since. Merge commits list no files, so a file last changed by a conflict
 * resolution gets the commit that changed it on its branch.
 */
final class GitVersions {

	private static final long TIMEOUT_SECONDS = 20;

	private final Map<String, String> commits;

	private final Set<String> changed;

	private GitVersions(Map<String, String> commits, Set<String> changed) {
		this.commits = commits;
		this.changed = changed;
	}

	/** Versions for {@code names} (file names in {@code dir}); files nobody asked about are not looked up. */
	static GitVersions of(Path dir, Collection<String> names) {
		Set<String> wanted = new HashSet<>(names);
		if (wanted.isEmpty()) {
			return new GitVersions(Map.of(), Set.of());
		}
		Path absolute = dir.toAbsolutePath();
		Map<String, String> commits = lastCommits(absolute, wanted);
		Set<String> changed = commits.isEmpty() ? Set.of()
				: new HashSet<>(lines(absolute, "diff", "--name-only", "--relative", "HEAD", "--", "."));
		return new GitVersions(commits, changed);
	}

	RunbookVersion version(String fileName, String sha256) {
		String commit = commits.get(fileName);
		return commit == null ? new RunbookVersion(sha256, null, false)
				: new RunbookVersion(sha256, commit, changed.contains(fileName));
	}

	private static Map<String, String> lastCommits(Path dir, Set<String> wanted) {
		Map<String, String> out = new HashMap<>();
		run(dir, List.of("log", "--format=commit %H", "--name-only", "--relative", "--", "."), reader -> {
			String commit = null;
			for (String line = reader.readLine(); line != null && out.size() < wanted.size(); line = reader.readLine()) {
				if (line.startsWith("commit ")) {
					commit = line.substring(7).strip();
				}
				else if (commit != null && wanted.contains(line)) {
					out.putIfAbsent(line, commit);
				}
			}
		});
		return out;
	}

	private static List<String> lines(Path dir, String... args) {
		List<String> out = new ArrayList<>();
		run(dir, List.of(args), reader -> {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					out.add(line.strip());
				}
			}
		});
		return out;
	}

	private interface Output {

		void read(BufferedReader reader) throws IOException;

	}

	private static void run(Path dir, List<String> args, Output output) {
		List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.quotepath=off"));
		command.addAll(args);
		Process process = null;
		try {
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				output.read(reader);
			}
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			// not a checkout, no git, or the walk was cut short: versions stay hash-only
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}
}
