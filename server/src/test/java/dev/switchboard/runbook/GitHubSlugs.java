package dev.switchboard.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's heading anchors from npm {@code github-slugger} (pinned in {@code src/test/node/package.json}),
 * the independent implementation Switchboard's step ids are checked against. Runs Node.js; installs
 * the package with {@code npm ci} when {@code .ci/run} has not already. Fails, never skips, without Node.
 */
final class GitHubSlugs {

	static final Path DIR = Path.of("src/test/node").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GitHubSlugs() {
	}

	/** The anchors of each document's headings, given their texts in document order. */
	static List<List<String>> of(List<List<String>> headingTexts) {
		install();
		try {
			Process node = new ProcessBuilder("node", "slugs.mjs").directory(DIR.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (OutputStream in = node.getOutputStream()) {
				in.write(JSON.writeValueAsBytes(headingTexts));
			}
			byte[] out;
			try (InputStream stdout = node.getInputStream()) {
				out = stdout.readAllBytes();
			}
			if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
				throw new IllegalStateException("node slugs.mjs failed: " + new String(out, StandardCharsets.UTF_8));
			}
			return JSON.readValue(out, new TypeReference<List<List<String>>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Node.js is needed for this test (.ci/run installs it): " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void install() {
		if (Files.isRegularFile(DIR.resolve("node_modules/github-slugger/package.json"))) {
			return;
		}
		try {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
				.redirectErrorStream(true)
				.start();
			String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
				throw new IllegalStateException("npm ci in " + DIR + " failed:\n" + log);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("npm is needed to install github-slugger (.ci/run installs it): " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
