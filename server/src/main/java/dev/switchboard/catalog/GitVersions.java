package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchboard.runbook.RunbookVersion;

/**
 * The git commit of a runbook file, asked of the {@code git} command (no JGit: a 3 MB library for
 * two read-only questions). Outside a checkout, or without git, the version is the content hash
 * alone; this never fails a load.
 */
final class GitVersions {

	private GitVersions() {
	}

	static RunbookVersion of(Path file, String sha256) {
		Path dir = file.toAbsolutePath().getParent();
		String name = file.getFileName().toString();
		String commit = git(dir, "log", "-1", "--format=%H", "--", name);
		if (commit == null || commit.isBlank()) {
			return new RunbookVersion(sha256, null, false);
		}
		String status = git(dir, "status", "--porcelain", "--", name);
		return new RunbookVersion(sha256, commit.strip(), status != null && !status.isBlank());
	}

	private static String git(Path dir, String... args) {
		List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
